package io.jenkins.plugins.mlops.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Trains a network a mini-batch at a time in place of DL4J's fit, and scores sets of rows as net.score does. */
interface BatchTrainer {
    /**
     * Fits one batch (rows of features and targets) and returns its score as {@code net.score()} gives it
     * after {@code net.fit}: the loss averaged over the batch, plus the regularisation term.
     */
    double fit(INDArray x, INDArray y);

    /** The loss of a set of rows as {@code net.score(DataSet)} gives it, and the network's outputs for them. */
    TrainingLoop.Scored score(INDArray x, INDArray y);
}
