using System.Text.Json;
using Descent.Optimization;

namespace Descent.Tests.Optimization;

/// <summary>
/// Every optimizer against PyTorch's torch.optim and scikit-learn's MLP optimizers (tests/reference/optimizers.py):
/// the same start, the same 24 gradients, the parameters after every step equal to 1e-12 in double (and to float32
/// precision in float). Schedules change the rate between epochs of 4 steps, as the mini-batch loop does.
/// </summary>
public class OptimizerGoldenTests
{
    private static JsonElement File => Golden.Load("optimization", "optimizers");

    public static TheoryData<string> Cases() => new(File.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Steps_MatchTheReference_InDouble(string name) => Replay<double>(name, 1e-12);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Steps_MatchTheReference_InFloat(string name) => Replay<float>(name, 2e-5);

    private static void Replay<T>(string name, double tolerance) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var c = File.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var optimizer = Optimizer(c.GetProperty("optimizer"));
        var schedule = Schedule(c.GetProperty("schedule"));
        int[] reductionsAfter = Golden.Ints(c.GetProperty("reductionsAfterEpochs"));
        int stepsPerEpoch = File.GetProperty("stepsPerEpoch").GetInt32(), samplesPerEpoch = File.GetProperty("samplesPerEpoch").GetInt32();
        var parameters = File.GetProperty("params0").EnumerateArray().Select(p => Golden.Doubles(p).Select(T.CreateTruncating).ToArray()).ToArray();
        var grads = File.GetProperty("grads").EnumerateArray().ToArray();
        var expected = c.GetProperty("params").EnumerateArray().ToArray();
        var state = optimizer.Start<T>(parameters.Select(p => p.Length).ToArray());
        for (int step = 0; step < grads.Length; step++)
        {
            if (step % stepsPerEpoch == 0)
            {
                int epoch = step / stepsPerEpoch;
                state.LearningRate = schedule.Rate(optimizer.LearningRate, epoch, (long)epoch * samplesPerEpoch,
                    reductionsAfter.Count(e => e <= epoch));
            }
            state.BeginStep();
            var gradient = grads[step].EnumerateArray().ToArray();
            for (int k = 0; k < parameters.Length; k++)
                state.Update(k, parameters[k], Golden.Doubles(gradient[k]).Select(T.CreateTruncating).ToArray());
            var want = expected[step].EnumerateArray().ToArray();
            for (int k = 0; k < parameters.Length; k++)
                Golden.Close(Golden.Doubles(want[k]), parameters[k].Select(double.CreateTruncating).ToArray(),
                    $"{name} step {step + 1} tensor {k}", tolerance);
        }
        Assert.Equal(grads.Length, state.Steps);
    }

    private static Optimizer Optimizer(JsonElement o)
    {
        double Get(string key, double fallback) => o.TryGetProperty(key, out var v) ? v.GetDouble() : fallback;
        double rate = o.GetProperty("learningRate").GetDouble(), l2 = Get("l2Penalty", 0);
        return o.GetProperty("type").GetString() switch
        {
            "sgd" => new Sgd
            {
                LearningRate = rate, L2Penalty = l2, Momentum = Get("momentum", 0),
                Nesterov = o.TryGetProperty("nesterov", out var n) && n.GetBoolean(),
            },
            "adam" => new Adam
            {
                LearningRate = rate, L2Penalty = l2, Beta1 = Get("beta1", 0.9), Beta2 = Get("beta2", 0.999), Epsilon = Get("epsilon", 1e-8),
                EpsilonPlacement = o.TryGetProperty("epsilonPlacement", out var e)
                    ? Enum.Parse<AdamEpsilon>(e.GetString()!) : AdamEpsilon.AfterBiasCorrection,
            },
            "adamw" => new AdamW { LearningRate = rate, WeightDecay = Get("weightDecay", 0.01) },
            var other => throw new InvalidOperationException($"unknown optimizer {other}"),
        };
    }

    private static LearningRateSchedule Schedule(JsonElement s) => s.ValueKind == JsonValueKind.Null
        ? LearningRateSchedule.Constant
        : s.GetProperty("type").GetString() switch
        {
            "step" => new StepDecay { StepSize = s.GetProperty("stepSize").GetInt32(), Gamma = s.GetProperty("gamma").GetDouble() },
            "invscaling" => new InverseScaling { Power = s.GetProperty("power").GetDouble() },
            "adaptive" => new AdaptiveRate(),
            var other => throw new InvalidOperationException($"unknown schedule {other}"),
        };
}
