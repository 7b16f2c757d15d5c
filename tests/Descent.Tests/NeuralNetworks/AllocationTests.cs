using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Optimization;

namespace Descent.Tests.NeuralNetworks;

/// <summary>A training step (zero the gradients, forward, loss, backward, an Adam step) on the layers' own path reuses its buffers: after the first steps it allocates nothing,
/// whatever the number of steps (measured in bytes, not time).</summary>
[Collection("Parallelism")]
public class AllocationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TrainingStep_AllocatesNothing_OnceBatchSizesHaveBeenSeen(int threads)
    {
        ThreadCount.With(threads, () =>
        {
            var rng = new Rng(1);
            // Layer sizes large enough that the first layer's products run on two threads when allowed.
            var network = new Sequential<float>(new Linear<float>(400, 256, rng), new Relu<float>(), new Dropout<float>(rng, 0.1),
                new Linear<float>(256, 10, rng), new Tanh<float>(), new Linear<float>(10, 1, rng), new Sigmoid<float>(), new Linear<float>(1, 10, rng));
            var loss = new CrossEntropyLoss<float>();
            var optimizer = new ParameterOptimizer<float>(new Adam { LearningRate = 1e-3 }, network.Parameters());
            var data = Matrix.RandomNormal<float>(96, 400, rng);
            var labels = Enumerable.Range(0, 96).Select(i => i % 10).ToArray();
            // Batches of 40, 40 and 16 rows: a full batch size and a shorter last one, as an epoch has.
            var batches = new[] { data.RowRange(0, 40), data.RowRange(40, 40), data.RowRange(80, 16) };
            var batchLabels = new[] { labels[..40], labels[40..80], labels[80..] };

            void Step(int i)
            {
                optimizer.ZeroGrad();
                var logits = network.Forward(batches[i % 3]);
                loss.Forward(logits, batchLabels[i % 3]);
                network.Backward(loss.Backward(), inputGradient: false);
                optimizer.Step();
            }

            for (int i = 0; i < 6; i++)
                Step(i);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 60; i++)
                Step(i);
            long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / 60;
            Assert.True(perStep == 0, $"a training step allocated {perStep} bytes");
        });
    }
}
