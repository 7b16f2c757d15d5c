using Descent.Persistence.Onnx.Protobuf;
using Descent.Trees;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx.Exporters;

/// <summary>
/// Decision trees and forests as one ai.onnx.ml <c>TreeEnsembleRegressor</c> (opset 3), in double: the features are
/// rounded to float32 and compared as doubles with the double thresholds (x ≤ threshold goes left, BRANCH_LEQ), as
/// Descent's trees compare them. Regression: each leaf votes its mean target and the ensemble averages the trees.
/// Classification: each leaf votes its class frequencies (weight of class k / the leaf's weight); the ensemble sums
/// them per class, <c>probabilities</c> = sums / number of trees, and <c>label</c> is the class of the largest sum (the
/// first on a tie). TreeEnsembleClassifier is not used because ONNX leaves its label for two classes to each runtime
/// (ONNX Runtime takes the class-1 score's sign or its excess over 0.5), which cannot be Descent's argmax.
/// </summary>
internal static class TreeEnsemble
{
    /// <summary>Declares <c>label</c>: the mean over <paramref name="trees"/> of the leaf each row reaches.</summary>
    public static void Regression(OnnxGraph graph, OnnxTensor input, IReadOnlyList<Tree> trees)
    {
        var sums = Add(graph, input, trees, 1, "AVERAGE", (tree, node, votes) => votes[0] = tree.Value(node)[0]);
        graph.Output("label", graph.Flatten(sums));
    }

    /// <summary>Declares <c>label</c> and <c>probabilities</c>: the class frequencies of the leaves, averaged over the trees.</summary>
    public static void Classification(OnnxGraph graph, OnnxTensor input, IReadOnlyList<Tree> trees, IReadOnlyList<Label> classes)
    {
        var sums = Add(graph, input, trees, classes.Count, "SUM", (tree, node, votes) =>
        {
            votes.Clear();
            TreePredictions.AddProbabilities(tree.Value(node), votes);
        });
        OnnxClassLabels.Output(graph, classes, OnnxClassLabels.ArgMax(graph, sums));
        var probabilities = trees.Count == 1 ? sums
            : graph.Node("Div", DataType.Float, [sums, graph.Cast(graph.Constant("tree_count", [(double)trees.Count]), DataType.Float)]);
        graph.Output("probabilities", probabilities, classes.Count);
    }

    private delegate void LeafVotes(Tree tree, int node, Span<double> votes);

    /// <summary>The TreeEnsembleRegressor node: float [N, <paramref name="targets"/>], the aggregated leaf votes.</summary>
    private static OnnxTensor Add(OnnxGraph graph, OnnxTensor input, IReadOnlyList<Tree> trees, int targets, string aggregate,
        LeafVotes leafVotes)
    {
        var nodes = new NodeArrays();
        var votes = new double[targets];
        for (int t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            for (int n = 0; n < tree.NodeCount; n++)
            {
                var node = tree.Nodes[n];
                nodes.Add(t, n, node);
                if (!node.IsLeaf)
                    continue;
                leafVotes(tree, n, votes);
                for (int k = 0; k < targets; k++)
                    if (votes[k] != 0.0 || targets == 1)  // absent votes count as 0
                        nodes.Vote(t, n, k, votes[k]);
            }
        }
        var x = graph.Cast(graph.Cast(input, DataType.Float), DataType.Double);
        return graph.MlNode("TreeEnsembleRegressor", DataType.Float, [x],
            [
                OnnxAttribute.Int("n_targets", targets),
                OnnxAttribute.String("aggregate_function", aggregate),
                OnnxAttribute.String("post_transform", "NONE"),
                .. nodes.Attributes(),
            ]);
    }

    /// <summary>The parallel arrays of the operator: one entry per node (nodes_*) and one per leaf vote (target_*).</summary>
    private sealed class NodeArrays
    {
        private readonly List<long> _treeIds = [], _nodeIds = [], _features = [], _trueIds = [], _falseIds = [];
        private readonly List<string> _modes = [];
        private readonly List<double> _thresholds = [];
        private readonly List<long> _voteTrees = [], _voteNodes = [], _voteTargets = [];
        private readonly List<double> _voteWeights = [];

        /// <summary>Node <paramref name="n"/> of tree <paramref name="t"/>: a split (x[feature] ≤ threshold: left) or a leaf.</summary>
        public void Add(int t, int n, TreeNode node)
        {
            _treeIds.Add(t);
            _nodeIds.Add(n);
            _features.Add(node.IsLeaf ? 0 : node.Feature);
            _modes.Add(node.IsLeaf ? "LEAF" : "BRANCH_LEQ");
            _thresholds.Add(node.IsLeaf ? 0.0 : node.Threshold);
            _trueIds.Add(node.IsLeaf ? 0 : node.Left);
            _falseIds.Add(node.IsLeaf ? 0 : node.Right);
        }

        /// <summary>Leaf <paramref name="n"/> of tree <paramref name="t"/> adds <paramref name="weight"/> to target <paramref name="k"/>.</summary>
        public void Vote(int t, int n, int k, double weight)
        {
            _voteTrees.Add(t);
            _voteNodes.Add(n);
            _voteTargets.Add(k);
            _voteWeights.Add(weight);
        }

        public AttributeProto[] Attributes() =>
        [
            OnnxAttribute.Ints("nodes_treeids", _treeIds),
            OnnxAttribute.Ints("nodes_nodeids", _nodeIds),
            OnnxAttribute.Ints("nodes_featureids", _features),
            OnnxAttribute.Strings("nodes_modes", _modes),
            OnnxAttribute.DoubleTensor("nodes_values_as_tensor", _thresholds),
            OnnxAttribute.Ints("nodes_truenodeids", _trueIds),
            OnnxAttribute.Ints("nodes_falsenodeids", _falseIds),
            OnnxAttribute.Ints("target_treeids", _voteTrees),
            OnnxAttribute.Ints("target_nodeids", _voteNodes),
            OnnxAttribute.Ints("target_ids", _voteTargets),
            OnnxAttribute.DoubleTensor("target_weights_as_tensor", _voteWeights),
        ];
    }
}
