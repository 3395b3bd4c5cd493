package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.data.Columns;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.Preprocessor;
import io.jenkins.plugins.mlops.model.Task;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;

/**
 * The DL4J side of training: the network's configuration from the spec, class weights, and the
 * tensors of a table.
 */
final class NetworkSetup {
    private NetworkSetup() {
    }

    static MultiLayerConfiguration configuration(TrainSpec spec, Preprocessor pre, long seed, double[] classWeights) {
        TrainSpec.Training t = spec.training();
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(switch (t.optimizer()) {
                    case "sgd" -> new Sgd(t.learningRate());
                    case "nesterovs" -> new Nesterovs(t.learningRate(), t.momentum());
                    default -> new Adam(t.learningRate());
                });
        if (t.weightDecay() > 0) {
            builder.weightDecay(t.weightDecay());
        }
        if (t.l2() > 0) {
            builder.l2(t.l2());
        }
        NeuralNetConfiguration.ListBuilder layers = builder.list();
        int in = pre.inputWidth();
        for (TrainSpec.Layer layer : spec.model().layers()) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(in).nOut(layer.units())
                    .activation(Activation.fromString(layer.activation()));
            if (layer.dropout() > 0) {
                // DL4J's dropOut takes the probability of KEEPING an activation
                dense.dropOut(1 - layer.dropout());
            }
            layers.layer(dense.build());
            if (layer.batchNorm()) {
                layers.layer(new BatchNormalization.Builder().nOut(layer.units()).build());
            }
            in = layer.units();
        }
        boolean classification = pre.task() == Task.CLASSIFICATION;
        ILossFunction loss = classification
                ? (classWeights == null ? new LossMCXENT() : new LossMCXENT(Nd4j.createFromArray(classWeights)))
                : "mae".equals(spec.model().loss()) ? new LossL1() : new LossMSE();
        layers.layer(new OutputLayer.Builder(loss)
                .nIn(in).nOut(pre.outputWidth())
                .activation(classification ? Activation.SOFTMAX : Activation.IDENTITY)
                .build());
        return layers.build();
    }

    /** Per-class loss weights in output order: {@code balanced} is n / (k · n_class); null when unweighted. */
    static double[] classWeights(TrainSpec spec, Preprocessor pre, Table train) {
        Object given = spec.training().classWeights();
        if (given == null) {
            return null;
        }
        double[] w = new double[pre.classes().size()];
        if ("balanced".equals(given)) {
            Map<String, Long> counts = Columns.counts(train, train.columnIndex(spec.label()));
            for (int k = 0; k < w.length; k++) {
                w[k] = (double) train.rowCount() / (w.length * Math.max(1, counts.getOrDefault(pre.classes().get(k), 0L)));
            }
        } else {
            Map<?, ?> map = (Map<?, ?>) given;
            for (int k = 0; k < w.length; k++) {
                Object v = map.get(pre.classes().get(k));
                w[k] = v == null ? 1.0 : ((Number) v).doubleValue();
            }
        }
        return w;
    }

    /** Features and targets (one-hot for classes, standardised value for regression), straight from the columns. */
    static INDArray[] arrays(Preprocessor pre, Table table) {
        long rows = table.rowCount();
        return new INDArray[] {Nd4j.create(pre.inputs(table, 0, table.rowCount()), new long[] {rows, pre.inputWidth()}, 'c'),
            Nd4j.create(pre.targets(table), new long[] {rows, pre.outputWidth()}, 'c')};
    }
}
