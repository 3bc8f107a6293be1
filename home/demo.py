"""Demo organizations built in code from texts like those in shared/seeds/.

`manage.py demo` runs this; it is idempotent: a second run keeps what is there.
Translations go through wagtail-localize (string by string), exactly as a
translator's work would, so the translation editor shows them as translated.
"""

import datetime
import json

from django.conf import settings
from django.contrib.auth import get_user_model

from core.dates import WARSAW
from events.choices import RegistrationMode
from events.models import EventIndexPage, EventPage
from news.models import ArticlePage, NewsCategory, NewsIndexPage
from organizations.models import locale_for
from organizations.provisioning import create_organization, group_name, translate_and_publish
from organizations.standard_pages import ABOUT, CONTACT, PRIVACY_POLICY, STANDARD_PAGES
from partners.models import Partner

from .models import ContentPage

# Each text is (Polish, Ukrainian, English).
DEMO_ORGANIZATIONS = [
    {
        "slug": "m6",
        "name": "Fundacja Studio M6",
        "short_name": "Studio M6",
        "initials": "M6",
        "hostname": "m6.localhost",
        "languages": ["pl", "uk", "en"],
        "primary_colour": "#1d4e89",
        "accent_colour": "#a4262c",
        "contact_email": "kontakt@m6.localhost",
        "phone": "+48 56 000 00 00",
        "address": "ul. Mostowa 6\n87-100 Toruń",
        "facebook_url": "https://www.facebook.com/",
        "instagram_url": "https://www.instagram.com/",
        "newsletter_url": "https://m6.localhost/newsletter/",
        "donate_url": "https://m6.localhost/wesprzyj/",
        "footer_text": (
            "Fundacja Studio M6 wspiera organizacje pracujące z osobami z doświadczeniem "
            "migracji w województwie kujawsko-pomorskim.",
            "Фундація Studio M6 підтримує організації, які працюють з людьми з досвідом "
            "міграції в Куявсько-Поморському воєводстві.",
            "The Studio M6 Foundation supports organisations working with people with "
            "migration experience in the Kuyavian-Pomeranian region.",
        ),
        "home": {
            "intro": (
                "Wspieramy organizacje i instytucje pracujące z osobami z doświadczeniem "
                "migracji w województwie kujawsko-pomorskim.",
                "Ми підтримуємо організації та установи, які працюють з людьми з досвідом "
                "міграції в Куявсько-Поморському воєводстві.",
                "We support organisations and institutions working with people with "
                "migration experience in the Kuyavian-Pomeranian region.",
            ),
            "body": [
                (
                    "Porozmawiajmy o integracji",
                    "Поговорімо про інтеграцію",
                    "Let's talk about integration",
                ),
                (
                    "Zapraszamy organizacje i instytucje na spotkanie, które ma posłużyć diagnozie "
                    "problemów i wspólnemu wypracowaniu mechanizmów integracyjnych dla gmin.",
                    "Запрошуємо організації та установи на зустріч, яка допоможе визначити "
                    "проблеми та спільно напрацювати механізми інтеграції для громад.",
                    "We invite organisations and institutions to a meeting to diagnose problems "
                    "and jointly develop integration mechanisms for municipalities.",
                ),
            ],
        },
    },
    {
        "slug": "konsorcjum",
        "name": "Konsorcjum Migracyjne",
        "short_name": "Konsorcjum",
        "initials": "KM",
        "hostname": "konsorcjum.localhost",
        "languages": ["pl", "uk"],
        "primary_colour": "#2f5d3a",
        "accent_colour": "#6b3fa0",
        "contact_email": "biuro@konsorcjum.localhost",
        "phone": "+48 22 000 00 00",
        "address": "Warszawa",
        "linkedin_url": "https://www.linkedin.com/",
        "youtube_url": "https://www.youtube.com/",
        "footer_text": (
            "Konsorcjum Migracyjne zrzesza organizacje z całej Polski działające na rzecz osób "
            "migrujących.",
            "Міграційний консорціум об'єднує організації з усієї Польщі, які діють на користь "
            "людей з досвідом міграції.",
            "The Migration Consortium brings together organisations from all over Poland "
            "working for people on the move.",
        ),
        "home": {
            "intro": (
                "Solidarność, godność, empatia: organizacje z całej Polski działające na "
                "rzecz osób migrujących.",
                "Солідарність, гідність, емпатія: організації з усієї Польщі, які діють на "
                "користь людей з досвідом міграції.",
                "Solidarity, dignity, empathy: organisations from all over Poland working "
                "for people on the move.",
            ),
            "body": [
                (
                    "Za nami III Forum Współpracy i Integracji",
                    "Відбувся III Форум співпраці та інтеграції",
                    "The 3rd Forum of Cooperation and Integration is behind us",
                ),
                (
                    "Nic co nas dotyczy, nie może się zadziać bez nas. Dlatego rzecznictwu "
                    "poświęciliśmy część pierwszego dnia Forum.",
                    "Ніщо, що нас стосується, не може відбутися без нас. Тому адвокації ми "
                    "присвятили частину першого дня Форуму.",
                    "Nothing about us without us. That is why we devoted part of the first "
                    "day of the Forum to advocacy.",
                ),
            ],
        },
    },
]

# What the demo writes in place of the [placeholders] of the standard pages that
# create_organization made as drafts, in Polish, Ukrainian and English; the rest of their
# text stays as it was made, translations included.
DEMO_PAGE_FILLS = {
    ABOUT.body[1][1]: (
        "Pracujemy z osobami z doświadczeniem migracji i uchodźstwa oraz z organizacjami, "
        "które je wspierają.",
        "Ми працюємо з людьми з досвідом міграції та біженства, а також з організаціями, "
        "які їх підтримують.",
        "We work with people with experience of migration and refuge, and with the "
        "organisations that support them.",
    ),
    ABOUT.body[3][1]: (
        "W zespole pracują osoby z Polski, Ukrainy i Białorusi: prawniczki, psycholożki i "
        "animatorzy kultury.",
        "У команді працюють люди з Польщі, України та Білорусі: юристки, психологині та "
        "аніматори культури.",
        "Our team are people from Poland, Ukraine and Belarus: lawyers, psychologists and "
        "cultural animators.",
    ),
    ABOUT.body[5][1]: (
        "Organizacja pozarządowa wpisana do Krajowego Rejestru Sądowego (dane przykładowe).",
        "Громадська організація, внесена до Національного судового реєстру (приклад).",
        "A non-governmental organisation in the National Court Register (sample data).",
    ),
    CONTACT.body[1][1]: (
        "Biuro jest otwarte od poniedziałku do piątku w godzinach 10–16; wejście bez schodów.",
        "Офіс працює з понеділка по п'ятницю з 10:00 до 16:00; вхід без сходів.",
        "The office is open Monday to Friday, 10:00–16:00; the entrance has no steps.",
    ),
    CONTACT.body[3][1]: (
        "Rozmawiamy po polsku, ukraińsku, rosyjsku i angielsku.",
        "Ми розмовляємо польською, українською, російською та англійською.",
        "We speak Polish, Ukrainian, Russian and English.",
    ),
    PRIVACY_POLICY.body[1][1]: (
        "Administratorem danych jest organizacja prowadząca tę stronę; jej adres znajdziesz "
        "na stronie Kontakt.",
        "Адміністратором даних є організація, яка веде цей сайт; її адресу ви знайдете на "
        "сторінці «Контакти».",
        "The data controller is the organisation that runs this site; its address is on the "
        "Contact page.",
    ),
    PRIVACY_POLICY.body[5][1]: (
        "Zgłoszenia usuwamy 30 dni po zakończeniu wydarzenia.",
        "Реєстрації ми видаляємо через 30 днів після завершення події.",
        "We delete registrations 30 days after the event ends.",
    ),
}

# A news report, from shared/seeds/konsorcjum-forum-report.txt.
QUOTED = "Konsorcjum Migracyjne"
DEMO_CATEGORY = {"slug": "aktualnosci", "name": ("Aktualności", "Новини", "News")}
DEMO_GUESTS = [
    (
        ("Joanna Sosnowska", "Йоанна Сосновська", "Joanna Sosnowska"),
        (
            "Kierownik Zespołu Koordynacji Działań na Rzecz Cudzoziemców",
            "Керівниця Групи координації діяльності на користь іноземців",
            "Head of the Team for Coordinating Activities for Foreigners",
        ),
        (
            "Urząd m. st. Warszawy, Biuro Współpracy Międzynarodowej",
            "Управління міста Варшави, Бюро міжнародної співпраці",
            "Warsaw City Hall, International Cooperation Office",
        ),
    ),
    (
        ("Mateusz Płoskonka", "Матеуш Плосконка", "Mateusz Płoskonka"),
        (
            "Zastępca Dyrektora Wydziału Polityki Społecznej i Zdrowia",
            "Заступник директора Департаменту соціальної політики та охорони здоров'я",
            "Deputy Director of the Social Policy and Health Department",
        ),
        ("Urząd Miasta Krakowa", "Міська рада Кракова", "Kraków City Hall"),
    ),
    (
        ("Piotr Choroś", "Пйотр Хорось", "Piotr Choroś"),
        ("Dyrektor", "Директор", "Director"),
        (
            "Urząd Miasta Lublin, Biuro Partycypacji Społecznej",
            "Міська рада Любліна, Бюро громадської участі",
            "Lublin City Hall, Social Participation Office",
        ),
    ),
]
DEMO_ARTICLE = {
    "slug": "za-nami-iii-forum-wspolpracy-i-integracji",
    "date": datetime.date(2023, 12, 5),
    "tags": ["forum", "rzecznictwo"],
    "title": (
        "Za nami III Forum Współpracy i Integracji",
        "Відбувся III Форум співпраці та інтеграції",
        "The 3rd Forum of Cooperation and Integration is behind us",
    ),
    "intro": (
        "Solidarność, godność, empatia… to tylko niektóre z wartości przyświecających w "
        "codziennej pracy organizacjom biorącym udział w III Forum Współpracy i Integracji, "
        "które odbyło się na przełomie listopada i grudnia 2023 roku w Warszawie.",
        "Солідарність, гідність, емпатія… це лише деякі з цінностей, якими у щоденній роботі "
        "керуються організації – учасниці III Форуму співпраці та інтеграції, що відбувся "
        "на межі листопада та грудня 2023 року у Варшаві.",
        "Solidarity, dignity, empathy… these are just some of the values that guide the "
        "everyday work of the organisations taking part in the 3rd Forum of Cooperation and "
        "Integration, held in Warsaw at the turn of November and December 2023.",
    ),
    "opening": (
        "To właśnie od nazwania i omówienia tych wartości zaczęło się kolejne już spotkanie "
        "liderów i liderek organizacji z całej Polski, działających na rzecz osób migrujących. "
        "Dziękujemy partnerom wydarzenia – Unii Metropolii Polskich oraz NGO Forum Razem.",
        "Саме з того, щоб назвати й обговорити ці цінності, розпочалася чергова зустріч "
        "лідерів і лідерок організацій з усієї Польщі, які діють на користь людей з досвідом "
        "міграції. Дякуємо партнерам заходу – Союзу польських метрополій та NGO Forum Razem.",
        "Naming and discussing these values is how this latest meeting of leaders of "
        "organisations from all over Poland working for people on the move began. We thank "
        "the event's partners, the Union of Polish Metropolises and NGO Forum Razem.",
    ),
    "advocacy_heading": (
        "Rzecznictwo i polityka migracyjna",
        "Адвокація та міграційна політика",
        "Advocacy and migration policy",
    ),
    "advocacy": (
        "Kierując się tymi wartościami, dążymy do stworzenia przyjaznych i bezpiecznych "
        "warunków do życia dla wszystkich cudzoziemców i cudzoziemek. Aby tak się stało, nasz "
        "głos musi być silny i słyszalny dla decydentów politycznych.",
        "Керуючись цими цінностями, ми прагнемо створити дружні та безпечні умови життя для "
        "всіх іноземців та іноземок. Для цього наш голос має бути сильним і почутим тими, хто "
        "ухвалює політичні рішення.",
        "Guided by these values, we strive to create welcoming and safe living conditions for "
        "all foreigners. For that to happen, our voice must be strong and heard by political "
        "decision-makers.",
    ),
    "quote": (
        "Nic co nas dotyczy, nie może się zadziać bez nas.",
        "Ніщо, що нас стосується, не може відбутися без нас.",
        "Nothing that concerns us can happen without us.",
    ),
    "workshop": (
        "Dlatego rzecznictwu poświęciliśmy kolejną część pierwszego dnia Forum. Warsztat "
        "podnoszący nasze kompetencje przeprowadziła Monika Matus z Lekarzy bez Granic.",
        "Тому адвокації ми присвятили наступну частину першого дня Форуму. Семінар, що "
        "підвищив наші компетенції, провела Моніка Матус з організації «Лікарі без кордонів».",
        "That is why we devoted the next part of the first day of the Forum to advocacy. A "
        "workshop to build our skills was led by Monika Matus of Médecins Sans Frontières.",
    ),
    "panel_heading": (
        "Samorządy i organizacje społeczne zmieniają świat",
        "Громади та громадські організації змінюють світ",
        "Local governments and civil society organisations change the world",
    ),
    "panel": (
        "Kolejnego dnia Anna Dąbrowska moderowała dyskusję o lekcjach, jakie samorządy "
        "wyniosły z przybycia uchodźców i uchodźczyń z Ukrainy do Polski.",
        "Наступного дня Анна Домбровська модерувала дискусію про уроки, які органи місцевого "
        "самоврядування винесли з приїзду біженців і біженок з України до Польщі.",
        "The next day Anna Dąbrowska moderated a discussion on the lessons local governments "
        "learned from the arrival of refugees from Ukraine in Poland.",
    ),
    "guests_heading": ("Naszymi gośćmi byli", "Нашими гостями були", "Our guests were"),
    "thanks": (
        "Dziękujemy Jolancie Steciuk oraz Aleksandrze Fertlińskiej za przygotowanie programu "
        "spotkania.",
        "Дякуємо Йоланті Стецюк та Александрі Фертлінській за підготовку програми зустрічі.",
        "We thank Jolanta Steciuk and Aleksandra Fertlińska for preparing the programme of "
        "the meeting.",
    ),
}

# An event announcement, from shared/seeds/studio-m6-event.txt.
DEMO_EVENT = {
    "organization": "m6",
    "slug": "porozmawiajmy-o-integracji",
    # The seed's 14 December 2023, 9:30–15:30, moved to the coming 14 December so that the
    # demo shows an upcoming event open for registration.
    "month_day": (12, 14),
    "times": (datetime.time(9, 30), datetime.time(15, 30)),
    "street_address": "ul. Mostowa 6",
    "postal_code": "87-100",
    "city": "Toruń",
    # "Ograniczona liczba miejsc stacjonarnych. Obowiązuje rejestracja."
    "capacity": 30,
    "title": (
        "Porozmawiajmy o integracji",
        "Поговорімо про інтеграцію",
        "Let's talk about integration",
    ),
    "venue_name": (
        "kawiarnia społeczna PERS",
        "соціальна кав'ярня PERS",
        "PERS social café",
    ),
    "intro": (
        "Fundacja Studio M6 zaprasza 14 grudnia 2023 r. na wydarzenie pt. „Porozmawiajmy o "
        "integracji”, które ma posłużyć dokonaniu diagnozy i próby wypracowania propozycji "
        "rozwiązań napotykanym problemom przez organizacje/instytucje pracujące z osobami z "
        "doświadczeniem migracji oraz wspólnemu wypracowaniu propozycji mechanizmów "
        "integracyjnych, które mogą być implementowane w gminach województwa "
        "kujawsko-pomorskiego.",
        "Фундація Studio M6 запрошує 14 грудня 2023 року на захід «Поговорімо про "
        "інтеграцію», мета якого — визначити проблеми, з якими стикаються організації та "
        "установи, що працюють з людьми з досвідом міграції, спробувати напрацювати їх "
        "розв'язання, а також спільно запропонувати механізми інтеграції, які можна "
        "впровадити в громадах Куявсько-Поморського воєводства.",
        "On 14 December 2023 the Studio M6 Foundation invites you to “Let's talk about "
        "integration”, a meeting to diagnose the problems faced by organisations and "
        "institutions working with people with migration experience, to work out solutions, "
        "and to jointly propose integration mechanisms for the municipalities of the "
        "Kuyavian-Pomeranian region.",
    ),
    "why_heading": ("Dlaczego takie spotkanie?", "Чому така зустріч?", "Why this meeting?"),
    "why": (
        "W województwie kujawsko-pomorskim w okresie od lutego 2022 r. powstały nowe "
        "organizacje pozarządowe, które aktywnie włączyły się nie tylko w działania pomocowe, "
        "dedykowane dla osób z doświadczeniem migracji i uchodźstwa, ale przede wszystkim "
        "integrują lokalne społeczności i animują działania na rzecz włączenia społecznego. "
        "W tym samym okresie do udziału w programie SZKOLIMY NGO (prowadzonym przez Fundację "
        "Studio M6) zgłosiły się trzy takie organizacje.",
        "У Куявсько-Поморському воєводстві з лютого 2022 року з'явилися нові громадські "
        "організації, які активно долучилися не лише до допомоги людям з досвідом міграції "
        "та біженства, а передусім інтегрують місцеві громади та розвивають діяльність задля "
        "соціального залучення. У цей же період до програми SZKOLIMY NGO (яку веде Фундація "
        "Studio M6) зголосилися три такі організації.",
        "Since February 2022 new non-governmental organisations have been set up in the "
        "Kuyavian-Pomeranian region. They have not only joined in helping people with "
        "experience of migration and refuge, but above all they integrate local communities "
        "and lead work for social inclusion. In the same period three such organisations "
        "joined the SZKOLIMY NGO programme run by the Studio M6 Foundation.",
    ),
    "problems": (
        "Wszystkie z tych organizacji ściągają znaczące środki zewnętrzne do gmin województwa "
        "na działania integracyjne i pomocowe. Osoby nimi zarządzające, po okresie 20 miesięcy "
        "działania, mają ogromną bazę wiedzy oraz listę problemów, z jakimi spotkały się "
        "podczas działań: we współpracy z innymi NGO, gminami, społecznościami i instytucjami "
        "oraz wynikających z braku polityk integracyjnych na poziomie krajowym.",
        "Усі ці організації залучають до громад воєводства значні зовнішні кошти на "
        "інтеграцію та допомогу. Після 20 місяців роботи їхні керівники мають величезну базу "
        "знань і перелік проблем, з якими вони зіткнулися: у співпраці з іншими НУО, "
        "громадами, спільнотами та установами, а також через відсутність інтеграційної "
        "політики на національному рівні.",
        "All of them bring significant outside funds for integration and aid to the region's "
        "municipalities. After 20 months of work, the people who run them have a great deal "
        "of knowledge and a list of the problems they met: in cooperation with other NGOs, "
        "municipalities, communities and institutions, and from the lack of integration "
        "policies at national level.",
    ),
    "voice": (
        "Organizatorom zależy na głosie organizacji i ich włączeniu się w rozmowę z "
        "interesariuszami i interesariuszkami zmiany jako instytucji nadzorujących "
        "środki/programy dot. integracji i spójności społecznej.",
        "Організаторам важливо почути голос організацій і залучити їх до розмови із "
        "зацікавленими сторонами змін — установами, що опікуються коштами та програмами у "
        "сфері інтеграції та соціальної згуртованості.",
        "The organisers want to hear the organisations' voice and bring them into the "
        "conversation with the stakeholders of change: the institutions that oversee funds "
        "and programmes for integration and social cohesion.",
    ),
    "moderator": (
        "Rozmowy poprowadzi Pracownia Zrównoważonego Rozwoju.",
        "Розмову модеруватиме Майстерня сталого розвитку.",
        "The discussions will be moderated by Pracownia Zrównoważonego Rozwoju.",
    ),
    # (role, custom heading, partners' names), as the announcement lists them.
    "partners": [
        ("", ("Organizator", "Організатор", "Organiser"), ["Fundacja Studio M6"]),
        (
            "patronage",
            None,
            ["Fundacja Stocznia", "Fundacja Batorego (akcja „Masz Głos”)", "Fundacja NESST"],
        ),
        (
            "honorary_patronage",
            None,
            ["Konsul Honorowy Ukrainy w Bydgoszczy Krzysztof Sikora"],
        ),
        (
            "partners",
            None,
            [
                "Ashoka w Polsce i Fundusz Tutaj",
                "Fundacja Emic",
                "Fundacja KOSMOS (Centrum Integracji ŁĄCZNIK)",
                "Fundacja Dobra dla Dobra",
                "Pracownia Zrównoważonego Rozwoju",
            ],
        ),
        (
            "",
            (
                "Partnerzy Projektu Szkolimy NGO",
                "Партнери проєкту «Szkolimy NGO»",
                "Partners of the Szkolimy NGO project",
            ),
            [
                "Ośrodek Wsparcia Ekonomii Społecznej w Toruniu",
                "Regionalny Ośrodek Polityki Społecznej w Toruniu",
            ],
        ),
        (
            "",
            ("Współpraca informacyjna", "Інформаційна співпраця", "Information partner"),
            ["Gmina Miasta Toruń"],
        ),
    ],
}

# The partners' names in Polish, Ukrainian and English, as each partner writes them.
DEMO_PARTNER_NAMES = {
    names[0]: names
    for names in [
        ("Fundacja Studio M6", "Фундація Studio M6", "Studio M6 Foundation"),
        ("Fundacja Stocznia", "Фундація «Стоцня»", "Stocznia Foundation"),
        (
            "Fundacja Batorego (akcja „Masz Głos”)",
            "Фундація імені Стефана Баторія (акція «Маш Ґлос»)",
            "Stefan Batory Foundation (the “Masz Głos” campaign)",
        ),
        ("Fundacja NESST", "Фундація NESST", "NESST Foundation"),
        (
            "Konsul Honorowy Ukrainy w Bydgoszczy Krzysztof Sikora",
            "Почесний консул України в Бидгощі Кшиштоф Сікора",
            "Honorary Consul of Ukraine in Bydgoszcz, Krzysztof Sikora",
        ),
        (
            "Ashoka w Polsce i Fundusz Tutaj",
            "Ashoka в Польщі та Фонд «Тутай»",
            "Ashoka Poland and the Tutaj Fund",
        ),
        ("Fundacja Emic", "Фундація Emic", "Emic Foundation"),
        (
            "Fundacja KOSMOS (Centrum Integracji ŁĄCZNIK)",
            "Фундація KOSMOS (Центр інтеграції «Лончнік»)",
            "KOSMOS Foundation (ŁĄCZNIK Integration Centre)",
        ),
        ("Fundacja Dobra dla Dobra", "Фундація «Добро для добра»", "Dobra dla Dobra Foundation"),
        (
            "Pracownia Zrównoważonego Rozwoju",
            "Майстерня сталого розвитку",
            "Sustainable Development Workshop",
        ),
        (
            "Ośrodek Wsparcia Ekonomii Społecznej w Toruniu",
            "Центр підтримки соціальної економіки в Торуні",
            "Social Economy Support Centre in Toruń",
        ),
        (
            "Regionalny Ośrodek Polityki Społecznej w Toruniu",
            "Регіональний центр соціальної політики в Торуні",
            "Regional Social Policy Centre in Toruń",
        ),
        ("Gmina Miasta Toruń", "Міська гміна Торунь", "Municipality of Toruń"),
    ]
}

# Not yet translated, from shared/seeds/inna-przestrzen-forum.txt: an article and an event
# of Studio M6 in Polish only, so that the demo shows how /uk/ and /en/ list and open them.
POLISH_ONLY_ARTICLE = {
    "slug": "forum-w-lublinie-startujemy-jutro",
    "title": "Forum w Lublinie – startujemy jutro!",
    "date": datetime.date(2014, 3, 20),
    "intro": (
        "Przypominamy, że od jutra do niedzieli w Lublinie trwa drugie międzysektorowe i "
        "międzymiastowe Forum ds. Lokalnych Polityk Migracyjnych. Dołącz do nas!"
    ),
    "body": (
        "Celem forum jest wsparcie dla tworzenia nowoczesnych i otwartych polityk integracji "
        "imigrantów na poziomie lokalnym w Polsce w oparciu o praktyczne doświadczenia "
        "współpracy międzysektorowej.",
        "Forum ma charakter roboczy: jego uczestnicy i uczestniczki pracując w niewielkich "
        "grupach wypracowują konkretne plany działań i rekomendacje w ramach grup roboczych "
        "forum.",
    ),
}
POLISH_ONLY_EVENT = {
    "slug": "forum-lokalnych-polityk-migracyjnych",
    "title": "Forum ds. Lokalnych Polityk Migracyjnych",
    # The seed's 21–23 March, in the coming year.
    "month_day": (3, 21),
    "days": 3,
    "venue_name": "Akademickie Centrum Kultury „Chatka Żaka”",
    "city": "Lublin",
    "capacity": 70,
    "intro": (
        "Trzydniowa ogólnopolska konferencja o politykach integracyjnych w polskich miastach: "
        "blisko 70 osób z instytucji publicznych, samorządów oraz organizacji pozarządowych "
        "z Polski i Europy."
    ),
    "body": (
        "Forum ma charakter roboczy – przez trzy dni uczestnicy pracują w grupach tematycznych "
        "(m.in. edukacja dzieci cudzoziemskich, oferta polskich miast dla studentów z "
        "zagranicy)."
    ),
}

DEMO_ROLES = ["editors", "moderators", "translators", "registrations"]
LANGUAGE_INDEX = {"pl": 0, "uk": 1, "en": 2}


def demo_usernames():
    names = [settings.DEMO_ADMIN_USERNAME]
    for org in DEMO_ORGANIZATIONS:
        names += [demo_username(org["slug"], role) for role in DEMO_ROLES]
    return names


def demo_username(slug, role):
    return f"{slug}-{role.rstrip('s')}"


def build_demo(stdout=None):
    """Create the demo organizations, their pages, translations and users.

    Deliberately not one transaction: wagtail-localize publishes translations when
    the transaction commits, from page objects it loaded earlier, so a long
    transaction that adds child pages would publish home pages with a stale tree.
    Each organization is created atomically by create_organization.
    """
    write = stdout.write if stdout else (lambda _msg: None)
    User = get_user_model()
    admin, created = User.objects.get_or_create(
        username=settings.DEMO_ADMIN_USERNAME,
        defaults={"is_superuser": True, "is_staff": True, "email": "admin@localhost"},
    )
    if created:
        admin.set_password(settings.DEMO_ADMIN_PASSWORD)
        admin.save()
    for definition in DEMO_ORGANIZATIONS:
        result = create_organization(
            name=definition["name"],
            slug=definition["slug"],
            hostname=definition["hostname"],
            languages=definition["languages"],
            user=admin,
        )
        org = result.settings
        if result.created:
            _fill_organization(org, definition, admin)
            write(f"Created demo organization {org.name} ({org.site.hostname}).")
        else:
            write(f"Demo organization {org.name} already exists; kept as it is.")
        for role in DEMO_ROLES:
            # The demo's translator translates into Ukrainian.
            language = "uk" if role == "translators" else ""
            _demo_user(definition["slug"], role, group_name(org.name, role, language))
    return admin


def _demo_user(slug, role, group):
    from django.contrib.auth.models import Group

    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=demo_username(slug, role),
        defaults={"email": f"{demo_username(slug, role)}@localhost"},
    )
    if created:
        user.set_password(settings.DEMO_ADMIN_PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=group))
    return user


def demo_logo(org, text, colour):
    """A square logo with the organization's initials, drawn here (no files to ship)."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from PIL import ImageDraw, ImageFont
    from wagtail.images.models import Image

    canvas = PillowImage.new("RGB", (256, 256), colour)
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=110)
    draw.text((128, 128), text, fill="white", font=font, anchor="mm")
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return Image.objects.create(
        title=f"{org.name} – logo",
        file=ImageFile(buffer, name=f"logo-{org.slug}.png"),
        collection=org.collection,
    )


def _fill_organization(org, definition, user):
    for field in (
        "short_name",
        "primary_colour",
        "accent_colour",
        "contact_email",
        "phone",
        "address",
        "facebook_url",
        "instagram_url",
        "linkedin_url",
        "youtube_url",
        "newsletter_url",
        "donate_url",
    ):
        if field in definition:
            setattr(org, field, definition[field])
    # The footer text in each language the organization publishes in.
    for code, index in LANGUAGE_INDEX.items():
        if code in org.languages:
            field = "footer_text" if code == "pl" else f"footer_text_{code}"
            setattr(org, field, definition["footer_text"][index])

    org.logo = demo_logo(org, definition["initials"], definition["primary_colour"])

    home = org.site.root_page.specific
    texts = definition["home"]
    home.intro = texts["intro"][0]
    heading, paragraph = texts["body"]
    home.body = [
        ("heading", {"text": heading[0], "level": "h2", "anchor": ""}),
        ("rich_text", f"<p>{paragraph[0]}</p>"),
    ]
    home.save_revision(user=user).publish(user=user)
    translations = {texts["intro"][0]: texts["intro"], heading[0]: heading, paragraph[0]: paragraph}
    _translate(home, org.languages, translations, user)

    for spec in STANDARD_PAGES:
        page = ContentPage.objects.child_of(home).get(slug=spec.slug)
        # Block by block, keeping each block's id: wagtail-localize knows the texts left
        # as they were by those ids, with the translations create_organization gave them.
        blocks = [dict(block) for block in page.body.raw_data]
        for block in blocks:
            if block["type"] == "rich_text":
                for placeholder, texts in DEMO_PAGE_FILLS.items():
                    block["value"] = block["value"].replace(placeholder, texts[0])
        page.body = json.dumps(blocks)
        page.save_revision(user=user).publish(user=user)
        _translate(page, org.languages, {t[0]: t for t in DEMO_PAGE_FILLS.values()}, user)
    _add_demo_news(org, home, user)
    _put_in_menu(EventIndexPage.objects.child_of(home).first(), org, user)
    if definition["slug"] == DEMO_EVENT["organization"]:
        _add_demo_event(org, home, user)
        _add_polish_only_content(home, user)
    org.save()


def _put_in_menu(index, org, user):
    """An index page made by create_organization, in the menu in every language."""
    if index is None:
        return
    index.show_in_menus = True
    index.save_revision(user=user).publish(user=user)
    _translate(index, org.languages, {}, user)


def _add_demo_news(org, home, user):
    """The news index in the menu, and a report from the forum in the organization's languages."""
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        return
    _put_in_menu(index, org, user)

    names = DEMO_CATEGORY["name"]
    category = NewsCategory.objects.create(
        site=org.site, locale=home.locale, name=names[0], slug=DEMO_CATEGORY["slug"]
    )
    _translate(category, org.languages, {names[0]: names}, user)

    text = DEMO_ARTICLE
    article = ArticlePage(
        title=text["title"][0],
        slug=text["slug"],
        date=text["date"],
        category=category,
        intro=text["intro"][0],
        body=[
            ("rich_text", f"<p>{text['opening'][0]}</p>"),
            ("heading", {"text": text["advocacy_heading"][0], "level": "h2", "anchor": ""}),
            ("rich_text", f"<p>{text['advocacy'][0]}</p>"),
            ("quote", {"text": text["quote"][0], "attribution": "", "role": QUOTED}),
            ("rich_text", f"<p>{text['workshop'][0]}</p>"),
            ("heading", {"text": text["panel_heading"][0], "level": "h2", "anchor": ""}),
            ("rich_text", f"<p>{text['panel'][0]}</p>"),
            (
                "people",
                {
                    "heading": text["guests_heading"][0],
                    "people": [
                        {"name": name[0], "role": role[0], "organization": organization[0]}
                        for name, role, organization in DEMO_GUESTS
                    ],
                },
            ),
            ("rich_text", f"<p>{text['thanks'][0]}</p>"),
        ],
    )
    index.add_child(instance=article)
    article.tags.add(*text["tags"])
    article.save_revision(user=user).publish(user=user)
    strings = {texts[0]: texts for texts in text.values() if isinstance(texts, tuple)}
    for name, role, organization in DEMO_GUESTS:
        strings.update({name[0]: name, role[0]: role, organization[0]: organization})
    _translate(article, org.languages, strings, user)


def demo_event_times(today=None):
    """The demo event's start and end: the seed's day and hours in the coming year."""
    today = today or datetime.datetime.now(WARSAW).date()
    month, day = DEMO_EVENT["month_day"]
    date = datetime.date(today.year, month, day)
    if date < today:
        date = date.replace(year=today.year + 1)
    first, last = DEMO_EVENT["times"]
    return (
        datetime.datetime.combine(date, first, tzinfo=WARSAW),
        datetime.datetime.combine(date, last, tzinfo=WARSAW),
    )


def _add_demo_event(org, home, user):
    """The announcement of the meeting in Toruń, with its partners, in the organization's
    languages; its info box comes from the event's own fields."""
    index = EventIndexPage.objects.child_of(home).first()
    if index is None or EventPage.objects.child_of(index).filter(slug=DEMO_EVENT["slug"]):
        return
    text = DEMO_EVENT
    locale = home.locale
    start, end = demo_event_times()
    strips = []
    for role, heading, names in text["partners"]:
        partners = []
        for name in names:
            partner, created = Partner.objects.get_or_create(
                site=org.site, locale=locale, name=name
            )
            if created:
                _translate(partner, org.languages, {name: DEMO_PARTNER_NAMES[name]}, user)
            partners.append(partner)
        strips.append(
            (
                "partner_strip",
                {
                    "role": role,
                    "custom_heading": heading[0] if heading else "",
                    "partners": partners,
                    "show_details": False,
                },
            )
        )
    event = EventPage(
        title=text["title"][0],
        slug=text["slug"],
        start=start,
        end=end,
        venue_name=text["venue_name"][0],
        street_address=text["street_address"],
        postal_code=text["postal_code"],
        city=text["city"],
        languages=["pl"],
        registration_mode=RegistrationMode.FORM,
        capacity=text["capacity"],
        waiting_list=True,
        intro=text["intro"][0],
        body=[
            ("heading", {"text": text["why_heading"][0], "level": "h2", "anchor": ""}),
            ("rich_text", f"<p>{text['why'][0]}</p>"),
            ("rich_text", f"<p>{text['problems'][0]}</p>"),
            ("rich_text", f"<p>{text['voice'][0]}</p>"),
            ("rich_text", f"<p>{text['moderator'][0]}</p>"),
        ],
        partners=strips,
        contact=[
            (
                "contact",
                {"name": org.name, "role": "", "email": org.contact_email, "phone": org.phone},
            )
        ],
    )
    index.add_child(instance=event)
    event.save_revision(user=user).publish(user=user)
    strings = {texts[0]: texts for texts in text.values() if isinstance(texts, tuple)}
    strings.update({heading[0]: heading for _role, heading, _names in text["partners"] if heading})
    _translate(event, org.languages, strings, user)


def upcoming_day(month_day, today=None):
    """The next `month_day` (month, day) from today on, Warsaw time."""
    today = today or datetime.datetime.now(WARSAW).date()
    date = datetime.date(today.year, *month_day)
    return date if date >= today else date.replace(year=today.year + 1)


def _add_polish_only_content(home, user):
    """An article and an event left untranslated on purpose (see POLISH_ONLY_ARTICLE)."""
    news = NewsIndexPage.objects.child_of(home).first()
    if news is not None and not ArticlePage.objects.child_of(news).filter(
        slug=POLISH_ONLY_ARTICLE["slug"]
    ):
        text = POLISH_ONLY_ARTICLE
        article = ArticlePage(
            title=text["title"],
            slug=text["slug"],
            date=text["date"],
            category=NewsCategory.objects.filter(
                site__root_page=home, locale=home.locale, slug=DEMO_CATEGORY["slug"]
            ).first(),
            intro=text["intro"],
            body=[("rich_text", "".join(f"<p>{paragraph}</p>" for paragraph in text["body"]))],
        )
        news.add_child(instance=article)
        article.tags.add("forum")
        article.save_revision(user=user).publish(user=user)
    events = EventIndexPage.objects.child_of(home).first()
    if events is not None and not EventPage.objects.child_of(events).filter(
        slug=POLISH_ONLY_EVENT["slug"]
    ):
        text = POLISH_ONLY_EVENT
        first = upcoming_day(text["month_day"])
        last = first + datetime.timedelta(days=text["days"] - 1)
        event = EventPage(
            title=text["title"],
            slug=text["slug"],
            start=datetime.datetime.combine(first, datetime.time.min, tzinfo=WARSAW),
            end=datetime.datetime.combine(last, datetime.time(23, 59, 59), tzinfo=WARSAW),
            all_day=True,
            venue_name=text["venue_name"],
            city=text["city"],
            languages=["pl"],
            interpretation=True,
            registration_mode=RegistrationMode.FORM,
            capacity=text["capacity"],
            intro=text["intro"],
            body=[("rich_text", f"<p>{text['body']}</p>")],
        )
        events.add_child(instance=event)
        event.save_revision(user=user).publish(user=user)


def _translate(page, languages, strings, user):
    """Translate a page or snippet into the organization's other languages, with the demo's
    texts: {Polish text: (Polish, Ukrainian, English)}."""
    locales = [locale_for(code) for code in languages if code != settings.LANGUAGE_CODE]
    if locales:
        texts = {
            source: {code: texts[i] for code, i in LANGUAGE_INDEX.items() if i < len(texts)}
            for source, texts in strings.items()
        }
        translate_and_publish(page, locales, user, texts)
