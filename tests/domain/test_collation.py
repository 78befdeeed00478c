from jarjestokeskus.i18n import sort_key


def test_scandinavian_letters_sort_after_z() -> None:
    names = ["Östra", "Zeta", "Åbo", "Ärla", "Aalto", "Émile"]
    assert sorted(names, key=sort_key) == ["Aalto", "Émile", "Zeta", "Åbo", "Ärla", "Östra"]


def test_latin_1_text_gets_the_key_of_the_general_folding() -> None:
    import unicodedata

    from jarjestokeskus.i18n.collation import _FOLDS

    def general(text: str) -> str:
        return unicodedata.normalize("NFC", text.strip().casefold()).translate(_FOLDS)

    latin_1 = [chr(code) for code in range(256)]
    texts = [*latin_1, "".join(latin_1), " Kyrön Eläkeläiset ry ", "ÅÄÖ åäö Ææ Øø Üü ß µ ÿ"]
    for text in texts:
        assert sort_key(text) == general(text), repr(text)
    # Beyond Latin-1 (a decomposed ä, Greek, a combining mark alone) the general folding is used.
    for text in ("a\u0308", "Ωmega", "e\u0301", "\u0301"):
        assert sort_key(text) == general(text)
