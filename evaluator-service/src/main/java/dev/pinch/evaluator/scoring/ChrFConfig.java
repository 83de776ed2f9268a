package dev.pinch.evaluator.scoring;

/**
 * Parameters of chrF, named and defaulted as in sacrebleu 2.x's {@code CHRF} class.
 *
 * @param charOrder    character n-gram order (sacrebleu {@code char_order}, default 6)
 * @param wordOrder    word n-gram order (sacrebleu {@code word_order}: 0 is chrF, 2 is chrF++)
 * @param beta         weight of recall relative to precision (sacrebleu {@code beta}, default 2)
 * @param lowercase    lowercase hypothesis and references first (sacrebleu {@code lowercase})
 * @param whitespace   keep whitespace inside character n-grams (sacrebleu {@code whitespace}; default removes it)
 * @param epsSmoothing chrF++.py-style epsilon smoothing instead of sacrebleu's default effective-order averaging
 */
public record ChrFConfig(int charOrder, int wordOrder, int beta, boolean lowercase, boolean whitespace,
                         boolean epsSmoothing) {

    /** sacrebleu's {@code CHRF.CHAR_ORDER}. */
    public static final int CHAR_ORDER = 6;
    /** sacrebleu's {@code CHRF.BETA}. */
    public static final int BETA = 2;

    /** chrF with sacrebleu 2.x defaults: character order 6, word order 0, beta 2, effective-order averaging. */
    public static final ChrFConfig CHRF = new ChrFConfig(CHAR_ORDER, 0, BETA, false, false, false);
    /** chrF++ with sacrebleu 2.x defaults: as {@link #CHRF} with word order 2. */
    public static final ChrFConfig CHRF_PLUS_PLUS = new ChrFConfig(CHAR_ORDER, 2, BETA, false, false, false);

    /** Validates the orders and beta. */
    public ChrFConfig {
        if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
            throw new IllegalArgumentException("chrF needs a positive char order or word order, got "
                    + charOrder + "/" + wordOrder);
        }
        if (beta < 0) {
            throw new IllegalArgumentException("beta must be >= 0, got " + beta);
        }
    }

    /** Total number of n-gram orders ({@code charOrder + wordOrder}). */
    public int order() {
        return charOrder + wordOrder;
    }

    /** The metric's name as sacrebleu prints it: {@code chrF2}, {@code chrF2++}. */
    public String name() {
        return "chrF" + beta + "+".repeat(wordOrder);
    }
}
