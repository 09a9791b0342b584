"""Guangdong's 21 prefecture-level cities (GB/T 2260) and the Hengqin cooperation zone."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.lang import Lang


@dataclass(frozen=True, slots=True)
class City:
    key: str
    code: str
    zh: str
    en: str


CITIES: tuple[City, ...] = (
    City("guangzhou", "440100", "广州", "Guangzhou"),
    City("shaoguan", "440200", "韶关", "Shaoguan"),
    City("shenzhen", "440300", "深圳", "Shenzhen"),
    City("zhuhai", "440400", "珠海", "Zhuhai"),
    City("shantou", "440500", "汕头", "Shantou"),
    City("foshan", "440600", "佛山", "Foshan"),
    City("jiangmen", "440700", "江门", "Jiangmen"),
    City("zhanjiang", "440800", "湛江", "Zhanjiang"),
    City("maoming", "440900", "茂名", "Maoming"),
    City("zhaoqing", "441200", "肇庆", "Zhaoqing"),
    City("huizhou", "441300", "惠州", "Huizhou"),
    City("meizhou", "441400", "梅州", "Meizhou"),
    City("shanwei", "441500", "汕尾", "Shanwei"),
    City("heyuan", "441600", "河源", "Heyuan"),
    City("yangjiang", "441700", "阳江", "Yangjiang"),
    City("qingyuan", "441800", "清远", "Qingyuan"),
    City("dongguan", "441900", "东莞", "Dongguan"),
    City("zhongshan", "442000", "中山", "Zhongshan"),
    City("chaozhou", "445100", "潮州", "Chaozhou"),
    City("jieyang", "445200", "揭阳", "Jieyang"),
    City("yunfu", "445300", "云浮", "Yunfu"),
    City("hengqin", "", "横琴粤澳深度合作区", "Hengqin Guangdong-Macao In-Depth Cooperation Zone"),
)

BY_KEY: dict[str, City] = {c.key: c for c in CITIES}

_ALIASES: dict[str, str] = {}
for _c in CITIES:
    _ALIASES[_c.key] = _c.key
    _ALIASES[_c.zh] = _c.key
    _ALIASES[_c.zh + "市"] = _c.key
_ALIASES["横琴"] = "hengqin"
_ALIASES["横琴新区"] = "hengqin"


def normalise_city(text: str) -> str:
    """The city key for a key or a Chinese name (with or without 市); anything else as written."""
    t = text.strip()
    return _ALIASES.get(t, _ALIASES.get(t.lower(), text))


def is_guangdong(key: str) -> bool:
    return key in BY_KEY


def city_label(key: str | None, lang: str) -> str:
    if key is None:
        return ""
    c = BY_KEY.get(key)
    if c is None:
        return key
    return c.zh if Lang.parse(lang).chinese else c.en
