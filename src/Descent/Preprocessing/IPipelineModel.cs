namespace Descent.Preprocessing;

/// <summary>A fitted pipeline, whatever its final model: its fitted preprocessing and the model fitted on its output
/// (what a model file saves of a pipeline).</summary>
public interface IPipelineModel
{
    /// <summary>The fitted preprocessing steps.</summary>
    FittedPipeline Preprocessing { get; }

    /// <summary>The fitted final model.</summary>
    object Model { get; }
}
