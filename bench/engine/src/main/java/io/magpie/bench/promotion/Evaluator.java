package io.magpie.bench.promotion;

import io.magpie.bench.promotion.RuleSet.BenchCart;

/** One of the four implementations: the payable total (goods + freight, fen) of a cart. */
public interface Evaluator {

    String name();

    long payable(BenchCart cart);
}
