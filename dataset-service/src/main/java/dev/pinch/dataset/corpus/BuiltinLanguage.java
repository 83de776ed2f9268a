package dev.pinch.dataset.corpus;

/**
 * A language of the built-in corpus and where its bundled data is.
 *
 * @param code      ISO 639-1 code, as in {@code Languages.BUILTIN}
 * @param ntrexCode NTREX-128 file code: {@code builtin/ntrex128/newstest2019-ref.<ntrexCode>.txt}
 * @param sibFolder SIB-200 folder: {@code builtin/sib200/<sibFolder>/{train,dev,test}.tsv}
 */
public record BuiltinLanguage(String code, String ntrexCode, String sibFolder) {
}
