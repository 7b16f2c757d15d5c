using Descent.Data;
using Descent.Linear;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Optimization;
using Descent.Plotting;
using Descent.Preprocessing;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Linear and logistic regression as one neuron: the lecture's explicit network with one unit (identity output and
/// ½·mean squared error; sigmoid output and cross-entropy), trained by batch gradient descent, beside
/// <see cref="LinearRegression"/> and <see cref="LogisticRegression"/>'s gradient-descent solvers from the same start:
/// the same parameters and the same cost in every epoch.
/// </summary>
internal sealed class OneNeuronChapter : TourChapter
{
    private const int LinearEpochs = 1500, LogisticEpochs = 400;

    public override string Key => "one_neuron";

    public override string Title => "Linear and logistic regression as one neuron";

    public override void Run(ChapterWriter chapter)
    {
        chapter.Paragraph(
            "A neural network is built from units that each compute a weighted sum of their inputs and pass it through an " +
            "activation g. With one unit and no hidden layer, that is a model of the course already: the identity g(z) = z with " +
            "the squared error is linear regression, and the sigmoid with the cross-entropy is logistic regression. The " +
            "network's forward pass computes the prediction; its backward pass computes dZ = A − Y, dW = dZ·Xᵀ/m, db = mean of dZ.");
        chapter.Formula("Z = W·X + b,   A = g(Z),   dZ = A − Y,   dW = dZ·Xᵀ / m,   db = Σ dZ / m");

        var truck = Datasets.Load("food_truck");
        double[] profit = truck.RequireNumericTarget();
        var linear = new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.01, Epochs = LinearEpochs, Tolerance = 0,
        }.Fit(truck.Features, profit);
        var linearNeuron = new ExplicitNetwork([1, 1], [ExplicitActivation.Identity]);
        var linearRun = linearNeuron.Fit(truck.Features, AsColumn(profit), new Sgd { LearningRate = 0.01 },
            new MiniBatchTraining { Epochs = LinearEpochs, BatchSize = truck.Rows, Shuffle = false, FullPassLoss = true });
        double linearGap = Math.Max(Math.Abs(linear.Coefficients[0] - linearNeuron.W[0][0, 0]), Math.Abs(linear.Intercept - linearNeuron.B[0][0, 0]));

        var exams = Datasets.Load("exam_scores");
        var scaled = new StandardScaler().Fit(exams.Features).Transform(exams.Features);
        var admitted = exams.RequireClassLabels();
        var logistic = new LogisticRegression
        {
            Solver = LogisticSolver.GradientDescent, Penalty = LogisticPenalty.None, LearningRate = 0.5, MaxIterations = LogisticEpochs, Tolerance = 0,
        }.Fit(scaled, admitted);
        var logisticNeuron = new ExplicitNetwork([2, 1], [ExplicitActivation.Sigmoid]);
        var logisticRun = logisticNeuron.Fit(scaled, AsColumn(admitted.Indices.Select(k => (double)k).ToArray()), new Sgd { LearningRate = 0.5 },
            new MiniBatchTraining { Epochs = LogisticEpochs, BatchSize = exams.Rows, Shuffle = false, FullPassLoss = true });
        double logisticGap = Enumerable.Range(0, 2).Select(j => Math.Abs(logistic.Coefficients[0, j] - logisticNeuron.W[0][0, j]))
            .Append(Math.Abs(logistic.Intercepts[0] - logisticNeuron.B[0][0, 0])).Max();

        chapter.Paragraph(
            $"On the food-truck data, one identity neuron trained by {LinearEpochs} steps of batch gradient descent (η = 0.01, from " +
            $"zero) ends at θ₀ = {Fixed(linearNeuron.B[0][0, 0], 4)}, θ₁ = {Fixed(linearNeuron.W[0][0, 0], 4)}; LinearRegression's " +
            $"gradient-descent solver with the same settings ends {linearGap:G2} away. On the exam scores (standardized), one sigmoid " +
            $"neuron after {LogisticEpochs} steps (η = 0.5) ends {logisticGap:G2} away from LogisticRegression's gradient descent.");
        chapter.Figure("neuron-costs", Figures.LossCurves(
            [
                ("linear neuron, ½·MSE (food truck)", linearRun.History.Costs, false),
                ("LinearRegression, J(θ)", linear.History.Costs, false),
            ], logY: true, title: "One identity neuron and linear regression: the same cost in every epoch", iterationLabel: "Epoch"),
            "The cost of the identity neuron and of LinearRegression's batch gradient descent in each epoch: the two curves lie " +
            "on top of each other, because they are the same computation.");
        chapter.Notice("a neuron is a linear model followed by an activation. What makes a network more than that is hidden " +
            "layers: units whose outputs are the inputs of other units, next.");

        chapter.Metric("linear_weights", [linearNeuron.B[0][0, 0], linearNeuron.W[0][0, 0]]).Metric("linear_gap", linearGap)
            .Metric("logistic_weights", [logisticNeuron.B[0][0, 0], logisticNeuron.W[0][0, 0], logisticNeuron.W[0][0, 1]])
            .Metric("logistic_gap", logisticGap).Metric("logistic_final_cost", logisticRun.History.Costs[^1]);
        chapter.SetSummary("one neuron (identity, sigmoid)", "food_truck, exam_scores", "largest gap to the regressions", $"{Math.Max(linearGap, logisticGap):G2}");
    }
}
