"""The pages every organization starts with besides its listings: about, contact and the
privacy policy. `create_organization` makes them as drafts in each of the organization's
languages, with a starting structure the staff fill in and publish (text in [brackets] is
theirs to replace). Nothing of them is public until they do.

The texts are given in Polish, and in the other languages as a translator would give them
in wagtail-localize ({Polish text: {language: text}}).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class StandardPage:
    key: str
    title: str
    slug: str
    intro: str
    # ("heading", text) or ("rich_text", paragraph text), in order.
    body: tuple
    show_in_menus: bool
    translations: dict

    def body_value(self):
        """The body as StreamField data."""
        return [
            ("heading", {"text": text, "level": "h2", "anchor": ""})
            if kind == "heading"
            else ("rich_text", f"<p>{text}</p>")
            for kind, text in self.body
        ]


ABOUT = StandardPage(
    key="about",
    title="O nas",
    slug="o-nas",
    intro="Kim jesteśmy, komu pomagamy i jak z nami współpracować.",
    body=(
        ("heading", "Nasza misja"),
        ("rich_text", "[Opiszcie w kilku zdaniach, komu pomagacie, jak i dlaczego.]"),
        ("heading", "Zespół"),
        (
            "rich_text",
            "[Przedstawcie osoby, z którymi można się skontaktować. Blok „Osoby” pokaże "
            "imię, rolę i organizację każdej z nich.]",
        ),
        ("heading", "Dane organizacji"),
        ("rich_text", "[Pełna nazwa, adres siedziby, numer KRS, NIP i numer konta.]"),
    ),
    show_in_menus=True,
    translations={
        "O nas": {"uk": "Про нас", "en": "About us"},
        "o-nas": {"uk": "pro-nas", "en": "about-us"},
        "Kim jesteśmy, komu pomagamy i jak z nami współpracować.": {
            "uk": "Хто ми, кому допомагаємо і як з нами співпрацювати.",
            "en": "Who we are, whom we help and how to work with us.",
        },
        "Nasza misja": {"uk": "Наша місія", "en": "Our mission"},
        "[Opiszcie w kilku zdaniach, komu pomagacie, jak i dlaczego.]": {
            "uk": "[Опишіть кількома реченнями, кому ви допомагаєте, як і чому.]",
            "en": "[Say in a few sentences whom you help, how and why.]",
        },
        "Zespół": {"uk": "Команда", "en": "Team"},
        "[Przedstawcie osoby, z którymi można się skontaktować. Blok „Osoby” pokaże "
        "imię, rolę i organizację każdej z nich.]": {
            "uk": "[Представте людей, з якими можна зв'язатися. Блок «Люди» покаже ім'я, "
            "роль та організацію кожної з них.]",
            "en": "[Introduce the people one can contact. The “People” block shows each "
            "one's name, role and organisation.]",
        },
        "Dane organizacji": {"uk": "Дані організації", "en": "Organisation details"},
        "[Pełna nazwa, adres siedziby, numer KRS, NIP i numer konta.]": {
            "uk": "[Повна назва, адреса, номер KRS, NIP і номер рахунку.]",
            "en": "[Full name, registered address, KRS number, NIP and bank account number.]",
        },
    },
)

CONTACT = StandardPage(
    key="contact",
    title="Kontakt",
    slug="kontakt",
    intro="Jak się z nami skontaktować.",
    body=(
        ("heading", "Biuro"),
        (
            "rich_text",
            "[Adres, godziny otwarcia i dojazd. Napiszcie, czy biuro jest dostępne dla osób "
            "poruszających się na wózku.]",
        ),
        ("heading", "Języki"),
        ("rich_text", "[W jakich językach można z wami rozmawiać, np. polski, ukraiński.]"),
    ),
    show_in_menus=True,
    translations={
        "Kontakt": {"uk": "Контакти", "en": "Contact"},
        "kontakt": {"uk": "kontakty", "en": "contact"},
        "Jak się z nami skontaktować.": {
            "uk": "Як з нами зв'язатися.",
            "en": "How to get in touch with us.",
        },
        "Biuro": {"uk": "Офіс", "en": "Office"},
        "[Adres, godziny otwarcia i dojazd. Napiszcie, czy biuro jest dostępne dla osób "
        "poruszających się na wózku.]": {
            "uk": "[Адреса, години роботи та як дістатися. Напишіть, чи доступний офіс для "
            "людей на візку.]",
            "en": "[Address, opening hours and how to get there. Say whether the office is "
            "accessible to wheelchair users.]",
        },
        "Języki": {"uk": "Мови", "en": "Languages"},
        "[W jakich językach można z wami rozmawiać, np. polski, ukraiński.]": {
            "uk": "[Якими мовами з вами можна розмовляти, наприклад польською, українською.]",
            "en": "[Which languages people can speak with you in, e.g. Polish, Ukrainian.]",
        },
    },
)

PRIVACY_POLICY = StandardPage(
    key="privacy_policy",
    title="Polityka prywatności",
    slug="polityka-prywatnosci",
    intro="Jak przetwarzamy dane osobowe osób odwiedzających stronę i zapisujących się na "
    "wydarzenia.",
    body=(
        ("heading", "Administrator danych"),
        (
            "rich_text",
            "[Pełna nazwa organizacji, adres, numer KRS i adres e-mail w sprawach danych "
            "osobowych.]",
        ),
        ("heading", "Rejestracja na wydarzenia"),
        (
            "rich_text",
            "Gdy zapisujesz się na wydarzenie, przechowujemy imię i nazwisko, adres e-mail, "
            "odpowiedzi na pytania formularza oraz treść zgody, którą wyrażasz. Używamy ich "
            "wyłącznie do organizacji wydarzenia i kontaktu w jego sprawie.",
        ),
        ("heading", "Jak długo przechowujemy dane"),
        (
            "rich_text",
            "[Po ilu dniach od zakończenia wydarzenia usuwacie lub anonimizujecie zgłoszenia: "
            "ta sama liczba dni co w ustawieniach organizacji, w zakładce Zgłoszenia.]",
        ),
        ("heading", "Twoje prawa"),
        (
            "rich_text",
            "Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia, ograniczenia "
            "przetwarzania i przeniesienia, a także do wycofania zgody w każdej chwili. "
            "Możesz wnieść skargę do Prezesa Urzędu Ochrony Danych Osobowych.",
        ),
        ("heading", "Pliki cookie"),
        (
            "rich_text",
            "Strona nie używa plików cookie do statystyk ani reklam. Formularze ustawiają "
            "jeden plik cookie, który chroni je przed nadużyciami, a wybrany rozmiar tekstu "
            "zapamiętuje Twoja przeglądarka. Filmy z YouTube lub Vimeo wczytujemy dopiero "
            "po kliknięciu; wtedy ich dostawca może zapisać własne pliki cookie.",
        ),
    ),
    show_in_menus=False,
    translations={
        "Polityka prywatności": {"uk": "Політика конфіденційності", "en": "Privacy policy"},
        "polityka-prywatnosci": {"uk": "polityka-konfidentsiinosti", "en": "privacy-policy"},
        "Jak przetwarzamy dane osobowe osób odwiedzających stronę i zapisujących się na "
        "wydarzenia.": {
            "uk": "Як ми обробляємо персональні дані відвідувачів сайту та людей, які "
            "реєструються на події.",
            "en": "How we process the personal data of people who visit this site and "
            "register for events.",
        },
        "Administrator danych": {"uk": "Адміністратор даних", "en": "Data controller"},
        "[Pełna nazwa organizacji, adres, numer KRS i adres e-mail w sprawach danych osobowych.]": {
            "uk": "[Повна назва організації, адреса, номер KRS та адреса e-mail з питань "
            "персональних даних.]",
            "en": "[The organisation's full name, address, KRS number and e-mail address "
            "for personal data matters.]",
        },
        "Rejestracja na wydarzenia": {"uk": "Реєстрація на події", "en": "Event registration"},
        "Gdy zapisujesz się na wydarzenie, przechowujemy imię i nazwisko, adres e-mail, "
        "odpowiedzi na pytania formularza oraz treść zgody, którą wyrażasz. Używamy ich "
        "wyłącznie do organizacji wydarzenia i kontaktu w jego sprawie.": {
            "uk": "Коли ви реєструєтеся на подію, ми зберігаємо ваше ім'я та прізвище, "
            "адресу e-mail, відповіді на запитання форми та текст згоди, яку ви надаєте. "
            "Ми використовуємо їх лише для організації події та зв'язку щодо неї.",
            "en": "When you register for an event, we keep your name, e-mail address, your "
            "answers to the form's questions and the text of the consent you give. We use "
            "them only to organise the event and to contact you about it.",
        },
        "Jak długo przechowujemy dane": {
            "uk": "Як довго ми зберігаємо дані",
            "en": "How long we keep the data",
        },
        "[Po ilu dniach od zakończenia wydarzenia usuwacie lub anonimizujecie zgłoszenia: "
        "ta sama liczba dni co w ustawieniach organizacji, w zakładce Zgłoszenia.]": {
            "uk": "[Через скільки днів після завершення події ви видаляєте або анонімізуєте "
            "реєстрації: те саме число днів, що в налаштуваннях організації, на вкладці "
            "«Реєстрації».]",
            "en": "[How many days after an event ends you delete or anonymise its "
            "registrations: the same number of days as in the organization settings, on the "
            "Registrations tab.]",
        },
        "Twoje prawa": {"uk": "Ваші права", "en": "Your rights"},
        "Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia, ograniczenia "
        "przetwarzania i przeniesienia, a także do wycofania zgody w każdej chwili. "
        "Możesz wnieść skargę do Prezesa Urzędu Ochrony Danych Osobowych.": {
            "uk": "Ви маєте право на доступ до своїх даних, їх виправлення, видалення, "
            "обмеження обробки та перенесення, а також на відкликання згоди в будь-який "
            "момент. Ви можете подати скаргу до Голови Управління захисту персональних "
            "даних (UODO).",
            "en": "You have the right to access your data, to have it corrected, erased, its "
            "processing restricted and to take it elsewhere, and to withdraw your consent at "
            "any time. You may complain to the President of the Personal Data Protection "
            "Office (UODO).",
        },
        "Pliki cookie": {"uk": "Файли cookie", "en": "Cookies"},
        "Strona nie używa plików cookie do statystyk ani reklam. Formularze ustawiają "
        "jeden plik cookie, który chroni je przed nadużyciami, a wybrany rozmiar tekstu "
        "zapamiętuje Twoja przeglądarka. Filmy z YouTube lub Vimeo wczytujemy dopiero "
        "po kliknięciu; wtedy ich dostawca może zapisać własne pliki cookie.": {
            "uk": "Сайт не використовує файли cookie для статистики чи реклами. Форми "
            "встановлюють один файл cookie, що захищає їх від зловживань, а вибраний розмір "
            "тексту запам'ятовує ваш браузер. Відео з YouTube або Vimeo ми завантажуємо лише "
            "після натискання; тоді їхній постачальник може зберегти власні файли cookie.",
            "en": "This site uses no cookies for statistics or advertising. Forms set one "
            "cookie that protects them from abuse, and your browser remembers the text size "
            "you chose. Videos from YouTube or Vimeo load only after you click; their "
            "provider may then set cookies of its own.",
        },
    },
)

STANDARD_PAGES = [ABOUT, CONTACT, PRIVACY_POLICY]
