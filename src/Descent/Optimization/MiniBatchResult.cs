namespace Descent.Optimization;

/// <summary>How a run of <see cref="MiniBatchTraining"/> went.</summary>
/// <param name="History">The loss after each epoch (with FullPassLoss, also before the first), the validation scores, and
/// the parameter path of models with at most two parameters.</param>
/// <param name="Epochs">Epochs run.</param>
/// <param name="StopReason">Why training stopped: MaxIterations (the epochs ran out), NoImprovement or Converged.</param>
/// <param name="BestLoss">The lowest loss recorded (scikit-learn's <c>best_loss_</c>).</param>
/// <param name="BestValidationScore">The best validation score, when rows were held out (scikit-learn's
/// <c>best_validation_score_</c>); the parameters are those that reached it.</param>
public sealed record MiniBatchResult(FitHistory History, int Epochs, StopReason StopReason, double BestLoss, double? BestValidationScore);
