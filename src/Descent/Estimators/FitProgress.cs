namespace Descent;

/// <summary>What an iterative Fit reports after each epoch or iteration.</summary>
/// <param name="Iteration">1-based epoch or iteration number.</param>
/// <param name="MaxIterations">The most iterations the fit will run, when known.</param>
/// <param name="Cost">The training cost after this iteration.</param>
/// <param name="ValidationScore">The score on held-out validation rows after this epoch, when the fit holds some out.</param>
public readonly record struct FitProgress(int Iteration, int? MaxIterations, double Cost, double? ValidationScore = null);
