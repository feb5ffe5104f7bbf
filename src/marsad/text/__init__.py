"""The Arabic text layer: normalisation for matching, sentences, clitic-aware tokens."""
