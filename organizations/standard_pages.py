"""The pages every organization starts with besides its listings: about, contact, the
privacy policy and the accessibility statement. `create_organization` makes them as drafts in each of the organization's
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


def _texts(rows):
    """(kind, Polish, Ukrainian, English) rows as a body and its translations."""
    body = tuple((kind, polish) for kind, polish, _uk, _en in rows)
    translations = {polish: {"uk": uk, "en": en} for _kind, polish, uk, en in rows}
    return body, translations


# The structure the law asks of public bodies (ustawa z dnia 4 kwietnia 2019 r. o dostępności
# cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych, art. 10, and the
# statement's template published by the minister for digital affairs): the entity and the
# site, the dates, compliance, what is not accessible and why, how the statement was made,
# whom to contact, how to demand accessibility and complain, and the building's accessibility.
_STATEMENT_BODY, _STATEMENT_TRANSLATIONS = _texts(
    [
        (
            "rich_text",
            "[Pełna nazwa organizacji] zobowiązuje się zapewnić dostępność swojej strony "
            "internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej "
            "stron internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja "
            "dostępności dotyczy strony internetowej [adres strony, np. https://example.org].",
            "[Повна назва організації] зобов'язується забезпечити доступність свого вебсайту "
            "відповідно до Закону Польщі від 4 квітня 2019 року про цифрову доступність "
            "вебсайтів і мобільних застосунків публічних суб'єктів. Ця заява про доступність "
            "стосується вебсайту [адреса сайту, напр. https://example.org].",
            "[The organisation's full name] is committed to making its website accessible in "
            "accordance with the Polish Act of 4 April 2019 on the digital accessibility of "
            "websites and mobile applications of public sector bodies. This accessibility "
            "statement applies to the website [the site's address, e.g. https://example.org].",
        ),
        (
            "heading",
            "Daty publikacji i aktualizacji",
            "Дати публікації та оновлення",
            "Dates of publication and update",
        ),
        (
            "rich_text",
            "Data publikacji strony internetowej: [RRRR-MM-DD]. Data ostatniej istotnej "
            "aktualizacji: [RRRR-MM-DD].",
            "Дата публікації вебсайту: [РРРР-ММ-ДД]. Дата останнього суттєвого оновлення: "
            "[РРРР-ММ-ДД].",
            "Date the website was published: [YYYY-MM-DD]. Date of its last major update: "
            "[YYYY-MM-DD].",
        ),
        ("heading", "Stan dostępności cyfrowej", "Стан цифрової доступності", "Compliance status"),
        (
            "rich_text",
            "Strona internetowa jest [w pełni zgodna / częściowo zgodna / niezgodna] z "
            "ustawą o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów "
            "publicznych (wymagania WCAG 2.1 na poziomie AA).",
            "Вебсайт [повністю відповідає / частково відповідає / не відповідає] Закону про "
            "цифрову доступність вебсайтів і мобільних застосунків публічних суб'єктів "
            "(вимоги WCAG 2.1 рівня AA).",
            "The website is [fully compliant / partially compliant / not compliant] with the "
            "Act on the digital accessibility of websites and mobile applications of public "
            "sector bodies (WCAG 2.1 level AA).",
        ),
        ("heading", "Treści niedostępne", "Недоступний вміст", "Non-accessible content"),
        (
            "rich_text",
            "[Wymieńcie treści, które nie są dostępne, i powód, np. „Część dokumentów PDF "
            "opublikowanych przed [data] nie jest dostępna cyfrowo”. Jeśli wszystko jest "
            "dostępne, napiszcie to.]",
            "[Перелічіть вміст, який не є доступним, і причину, напр. «Частина PDF-документів, "
            "опублікованих до [дата], не є цифрово доступною». Якщо все доступне, напишіть це.]",
            "[List the content that is not accessible and why, e.g. “Some PDF documents "
            "published before [date] are not accessible”. If everything is accessible, say so.]",
        ),
        ("heading", "Wyłączenia", "Винятки", "Exemptions"),
        (
            "rich_text",
            "[Treści wyłączone ze stosowania ustawy (art. 3 ust. 2), np. filmy opublikowane "
            "przed 23 września 2020 r., mapy, treści stron trzecich. Jeśli nie ma wyłączeń, "
            "usuńcie ten akapit.]",
            "[Вміст, на який закон не поширюється (ст. 3 п. 2), напр. відео, опубліковані до "
            "23 вересня 2020 року, мапи, вміст третіх сторін. Якщо винятків немає, видаліть "
            "цей абзац.]",
            "[Content exempt from the Act (Article 3(2)), e.g. videos published before "
            "23 September 2020, maps, third-party content. If there are none, delete this "
            "paragraph.]",
        ),
        (
            "heading",
            "Przygotowanie deklaracji",
            "Підготовка заяви",
            "Preparation of this statement",
        ),
        (
            "rich_text",
            "Deklarację sporządzono dnia [RRRR-MM-DD]. Deklarację sporządzono na podstawie "
            "samooceny przeprowadzonej przez [naszą organizację / podmiot zewnętrzny: nazwa]. "
            "Deklaracja została ostatnio poddana przeglądowi i aktualizacji dnia [RRRR-MM-DD].",
            "Заяву складено [РРРР-ММ-ДД]. Заяву складено на основі самооцінки, проведеної "
            "[нашою організацією / зовнішньою організацією: назва]. Востаннє заяву переглянуто "
            "та оновлено [РРРР-ММ-ДД].",
            "This statement was prepared on [YYYY-MM-DD], based on a self-assessment carried "
            "out by [our organisation / an outside body: its name]. It was last reviewed and "
            "updated on [YYYY-MM-DD].",
        ),
        ("heading", "Ułatwienia na stronie", "Зручності на сайті", "Accessibility features"),
        (
            "rich_text",
            "Na każdej stronie można powiększyć tekst przyciskami A, A+ i A++ oraz przejść od "
            "razu do treści łączem „Przejdź do treści”, dostępnym z klawiatury. Strona działa "
            "przy powiększeniu do 200% i na ekranach telefonów.",
            "На кожній сторінці можна збільшити текст кнопками A, A+ і A++ та одразу перейти "
            "до вмісту посиланням «Перейти до вмісту», доступним з клавіатури. Сайт працює при "
            "збільшенні до 200% і на екранах телефонів.",
            "On every page the text can be enlarged with the A, A+ and A++ buttons, and the "
            "“Skip to content” link, reachable with the keyboard, leads straight to the "
            "content. The site works when zoomed to 200% and on phone screens.",
        ),
        (
            "heading",
            "Informacje zwrotne i dane kontaktowe",
            "Зворотний зв'язок і контакти",
            "Feedback and contact information",
        ),
        (
            "rich_text",
            "W przypadku problemów z dostępnością strony internetowej prosimy o kontakt. "
            "Osobą kontaktową jest [imię i nazwisko], adres e-mail: [adres e-mail]. Można też "
            "zadzwonić pod numer [numer telefonu]. Tą samą drogą można składać wnioski o "
            "udostępnienie informacji niedostępnej oraz żądania zapewnienia dostępności.",
            "Якщо у вас виникли проблеми з доступністю вебсайту, зв'яжіться з нами. Контактна "
            "особа: [ім'я та прізвище], адреса e-mail: [адреса e-mail]. Можна також "
            "зателефонувати за номером [номер телефону]. Так само можна подавати запити на "
            "надання недоступної інформації та вимоги щодо забезпечення доступності.",
            "If you have problems with the accessibility of this website, please contact us. "
            "The contact person is [name and surname], e-mail: [e-mail address]. You can also "
            "call [phone number]. The same way you can ask for information that is not "
            "accessible and demand that accessibility be ensured.",
        ),
        (
            "heading",
            "Procedura wnioskowo-skargowa",
            "Порядок подання вимог і скарг",
            "Enforcement procedure",
        ),
        (
            "rich_text",
            "Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej strony "
            "internetowej lub jej elementu. Można także zażądać udostępnienia informacji w "
            "alternatywny sposób, na przykład przez odczytanie niedostępnego dokumentu lub "
            "opisanie zawartości filmu bez audiodeskrypcji. Żądanie powinno zawierać dane "
            "osoby zgłaszającej, wskazanie strony lub elementu, o który chodzi, oraz sposób "
            "kontaktu; jeśli potrzebny jest alternatywny sposób dostępu, także dogodny sposób "
            "przedstawienia informacji.",
            "Кожен має право вимагати забезпечення цифрової доступності вебсайту або його "
            "елемента. Можна також вимагати надання інформації альтернативним способом, "
            "наприклад зачитування недоступного документа або опису змісту відео без "
            "аудіодескрипції. Вимога повинна містити дані особи, яка її подає, зазначення "
            "сторінки або елемента, про який ідеться, і спосіб зв'язку; якщо потрібен "
            "альтернативний спосіб доступу, — також зручний спосіб надання інформації.",
            "Everyone has the right to demand that a website or any of its elements be made "
            "digitally accessible. You may also ask for information in an alternative way, "
            "for example by having an inaccessible document read out or a video without audio "
            "description described. The demand should give your details, the page or element "
            "concerned and how to contact you; if you need an alternative means of access, "
            "also the way you would like the information to be given.",
        ),
        (
            "rich_text",
            "Żądanie realizujemy niezwłocznie, nie później niż w ciągu 7 dni. Jeśli nie jest "
            "to możliwe, informujemy, kiedy je zrealizujemy, nie później niż w ciągu 2 "
            "miesięcy. Jeśli zapewnienie dostępności nie jest możliwe, możemy zaproponować "
            "alternatywny sposób dostępu do informacji.",
            "Ми виконуємо вимогу невідкладно, не пізніше ніж протягом 7 днів. Якщо це "
            "неможливо, ми повідомляємо, коли її виконаємо, не пізніше ніж протягом 2 місяців. "
            "Якщо забезпечити доступність неможливо, ми можемо запропонувати альтернативний "
            "спосіб доступу до інформації.",
            "We act on a demand without delay and within 7 days at the latest. If that is not "
            "possible, we say when we will, within 2 months at the latest. If accessibility "
            "cannot be ensured, we may offer an alternative means of access to the information.",
        ),
        (
            "rich_text",
            "Jeśli odmówimy realizacji żądania zapewnienia dostępności lub alternatywnego "
            "sposobu dostępu do informacji, można złożyć skargę w sprawie zapewnienia "
            "dostępności cyfrowej. Po wyczerpaniu tej procedury można złożyć wniosek do "
            "Rzecznika Praw Obywatelskich (www.rpo.gov.pl).",
            "Якщо ми відмовимо у виконанні вимоги щодо забезпечення доступності або "
            "альтернативного способу доступу до інформації, можна подати скаргу щодо "
            "забезпечення цифрової доступності. Після вичерпання цієї процедури можна "
            "звернутися до Уповноваженого з прав людини Польщі (Rzecznik Praw Obywatelskich, "
            "www.rpo.gov.pl).",
            "If we refuse a demand for accessibility or for an alternative means of access to "
            "the information, you may lodge a complaint about ensuring digital accessibility. "
            "Once that procedure is exhausted, you may apply to the Polish Commissioner for "
            "Human Rights (Rzecznik Praw Obywatelskich, www.rpo.gov.pl).",
        ),
        (
            "heading",
            "Dostępność architektoniczna",
            "Архітектурна доступність",
            "Architectural accessibility",
        ),
        (
            "rich_text",
            "[Opiszcie dostępność siedziby: adres, wejście do budynku i droga do biura, "
            "schody, winda, podjazd, toaleta dla osób z niepełnosprawnościami, miejsca "
            "parkingowe, wstęp z psem asystującym, pętla indukcyjna, tłumacz polskiego języka "
            "migowego (PJM) i jak go zamówić.]",
            "[Опишіть доступність приміщення: адреса, вхід до будівлі та шлях до офісу, "
            "сходи, ліфт, пандус, туалет для людей з інвалідністю, місця для паркування, вхід "
            "із собакою-помічником, індукційна петля, перекладач польської жестової мови (PJM) "
            "і як його замовити.]",
            "[Describe the accessibility of your premises: the address, the entrance and the "
            "way to the office, stairs, lift, ramp, accessible toilet, parking spaces, entry "
            "with an assistance dog, induction loop, a Polish Sign Language (PJM) interpreter "
            "and how to book one.]",
        ),
    ]
)

ACCESSIBILITY_STATEMENT = StandardPage(
    key="accessibility_statement",
    title="Deklaracja dostępności",
    slug="deklaracja-dostepnosci",
    intro="Jak dostępna jest ta strona, czego jeszcze brakuje i jak to zgłosić.",
    body=_STATEMENT_BODY,
    show_in_menus=False,
    translations={
        "Deklaracja dostępności": {"uk": "Заява про доступність", "en": "Accessibility statement"},
        "deklaracja-dostepnosci": {
            "uk": "zaiava-pro-dostupnist",
            "en": "accessibility-statement",
        },
        "Jak dostępna jest ta strona, czego jeszcze brakuje i jak to zgłosić.": {
            "uk": "Наскільки доступний цей сайт, чого ще бракує і як про це повідомити.",
            "en": "How accessible this site is, what is still missing and how to tell us.",
        },
        **_STATEMENT_TRANSLATIONS,
    },
)

STANDARD_PAGES = [ABOUT, CONTACT, PRIVACY_POLICY, ACCESSIBILITY_STATEMENT]
