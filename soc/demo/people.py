"""Invented names, phone numbers and e-mail addresses for demo people.

Names come from Faker (en_US and es_MX) seeded with the run's seed, drawn once into sorted
pools so that picking a name is one `rng.choice` and the same seed gives the same names.
Phone numbers use 555-0100..555-0199, the range reserved for fiction; e-mail addresses use
example.org (staff) and example.com (families), domains reserved for examples.
"""

import unicodedata

from faker import Faker

POOL_SIZE = 300
STAFF_DOMAIN = "example.org"
FAMILY_DOMAIN = "example.com"

# Faker offers only en_US and es_MX here; a few common names keep other families plausible.
OTHER_NAMES = {
    "vi": (
        ["Linh", "Mai", "Thu", "Lan", "Hoa", "Ngoc", "Trang"],
        ["Minh", "Bao", "Duc", "Khoa", "Tuan", "Long", "Quang"],
        ["Nguyen", "Tran", "Le", "Pham", "Vo", "Huynh", "Dang"],
    ),
    "ar": (
        ["Amira", "Layla", "Noor", "Fatima", "Huda", "Rania", "Salma"],
        ["Omar", "Yusuf", "Khaled", "Sami", "Tariq", "Karim", "Ahmad"],
        ["Haddad", "Khalil", "Nasser", "Saleh", "Mansour", "Haddadin", "Qasim"],
    ),
    "zh": (
        ["Mei", "Li Na", "Xiu", "Fang", "Jing", "Yan", "Hui"],
        ["Wei", "Jun", "Hao", "Ming", "Lei", "Tao", "Bo"],
        ["Chen", "Wang", "Zhang", "Liu", "Lin", "Huang", "Zhou"],
    ),
    "hmn": (
        ["Mai", "Pa", "Nou", "Yer", "Chia", "Ia", "Youa"],
        ["Tou", "Kou", "Pao", "Fue", "Xai", "Neng", "Vue"],
        ["Vang", "Xiong", "Yang", "Thao", "Moua", "Lor", "Her"],
    ),
    "fr": (
        ["Marie", "Nadège", "Josette", "Esther", "Claudine", "Mireille", "Rose"],
        ["Jean", "Pierre", "Emmanuel", "Jacques", "Wilner", "Fritz", "Patrick"],
        ["Joseph", "Pierre", "Jean-Baptiste", "Dorsainvil", "Etienne", "Louis", "Charles"],
    ),
}

PRONOUNS = {
    "en": {"female": "she/her", "male": "he/him", "other": "they/them"},
    "es": {"female": "ella", "male": "él", "other": "elle"},
}


def slug(text):
    """ASCII letters and digits only: 'María José' -> 'mariajose'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_text.lower() if c.isalnum())


def email(first, last, tag, domain):
    return f"{slug(first)}.{slug(last)}.{tag}@{domain}"


def phone(rng, area):
    return f"{area}-555-01{rng.randrange(100):02d}"


class NameBook:
    """Seeded pools of first and last names by language, read with a random.Random."""

    def __init__(self, seed):
        self.female, self.male, self.last = {}, {}, {}
        for language, locale in (("en", "en_US"), ("es", "es_MX")):
            fake = Faker(locale)
            fake.seed_instance(seed)
            self.female[language] = _pool(fake.first_name_female)
            self.male[language] = _pool(fake.first_name_male)
            self.last[language] = _pool(fake.last_name)
        for language, (female, male, last) in OTHER_NAMES.items():
            self.female[language], self.male[language], self.last[language] = female, male, last

    def first_name(self, rng, language, sex):
        pool = self.female if sex == "female" else self.male
        return rng.choice(pool.get(language, pool["en"]))

    def last_name(self, rng, language):
        return rng.choice(self.last.get(language, self.last["en"]))

    def full_name(self, rng, language, sex=None):
        sex = sex or rng.choice(("female", "male"))
        return self.first_name(rng, language, sex), self.last_name(rng, language)


def _pool(make):
    # Sorted, so the pool does not depend on set iteration order.
    return sorted({make() for _ in range(POOL_SIZE)})
