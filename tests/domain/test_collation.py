from jarjestokeskus.i18n import sort_key


def test_scandinavian_letters_sort_after_z() -> None:
    names = ["Östra", "Zeta", "Åbo", "Ärla", "Aalto", "Émile"]
    assert sorted(names, key=sort_key) == ["Aalto", "Émile", "Zeta", "Åbo", "Ärla", "Östra"]
