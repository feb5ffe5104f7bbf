"""Entities: the trained Arabic NER (`ner`) and, beside it, actor linking."""
