"""Ukrainian in Latin letters for the slugs of translations (core.languages)."""

import pytest

from core.languages import slug_for, transliterate_ukrainian


# The examples of the national standard (Cabinet of Ministers of Ukraine, resolution no. 55).
@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [
        ("Алушта", "Alushta"),
        ("Борщагівка", "Borshchahivka"),
        ("Вінниця", "Vinnytsia"),
        ("Гадяч", "Hadiach"),
        ("Згорани", "Zghorany"),
        ("Ґалаґан", "Galagan"),
        ("Донецьк", "Donetsk"),
        ("Рівне", "Rivne"),
        ("Єнакієве", "Yenakiieve"),
        ("Наталія", "Nataliia"),
        ("Житомир", "Zhytomyr"),
        ("Закарпаття", "Zakarpattia"),
        ("Іршава", "Irshava"),
        ("Їжакевич", "Yizhakevych"),
        ("Кадиївка", "Kadyivka"),
        ("Йосипівка", "Yosypivka"),
        ("Стрий", "Stryi"),
        ("Олексій", "Oleksii"),
        ("Київ", "Kyiv"),
        ("Миколаїв", "Mykolaiv"),
        ("Ужгород", "Uzhhorod"),
        ("Харків", "Kharkiv"),
        ("Біла Церква", "Bila Tserkva"),
        ("Чернівці", "Chernivtsi"),
        ("Шостка", "Shostka"),
        ("Гоща", "Hoshcha"),
        ("Русь", "Rus"),
        ("Юрій", "Yurii"),
        ("Крюківка", "Kriukivka"),
        ("Яготин", "Yahotyn"),
        ("Ічня", "Ichnia"),
        ("Знам'янка", "Znamianka"),
    ],
)
def test_ukrainian_is_written_in_latin_letters_by_the_national_standard(ukrainian, latin):
    assert transliterate_ukrainian(ukrainian) == latin


def test_letters_of_other_scripts_and_signs_stay_as_they_are():
    assert transliterate_ukrainian("Forum 2024: Львів!") == "Forum 2024: Lviv!"


def test_a_slug_is_made_of_latin_letters_for_each_language():
    assert slug_for("Поговорімо про інтеграцію", "uk") == "pohovorimo-pro-intehratsiiu"
    assert slug_for("Let's talk about integration", "en") == "lets-talk-about-integration"
    assert slug_for("Spotkanie w Łodzi", "pl") == "spotkanie-w-lodzi"


def test_a_long_title_gives_a_slug_cut_at_a_word():
    slug = slug_for("Інтеграція " * 20, "uk")

    assert len(slug) <= 80
    assert slug.endswith("intehratsiia")
