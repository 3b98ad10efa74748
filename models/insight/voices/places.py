"""A gazetteer of places that speak: countries, capitals and seats of government.

News writes a state's voice through its places: "Moscow said", "Washington insists", "Ankara has described
the sanctions as...", "the Kremlin announced", "Downing Street said". Such a speaker is a state or a
government (an organisation), never a person. The gazetteer holds the world's countries (with common short
and older forms), their capitals and other cities that stand for a government or an institution, and the
well-known seats of government and power by the names the press uses for them.

Names are kept folded (lowercase, no diacritics, straight apostrophes) and without a leading "the", as
`place_name` looks them up. A person of the same name is told apart by the caller: the gazetteer only
answers for a whole speaker name ("Washington", not "George Washington").
"""

from __future__ import annotations

import re

from models.text import fold

COUNTRIES = """
    afghanistan | albania | algeria | andorra | angola | antigua and barbuda | argentina | armenia | australia |
    austria | azerbaijan | bahamas | bahrain | bangladesh | barbados | belarus | belgium | belize | benin |
    bhutan | bolivia | bosnia | bosnia and herzegovina | botswana | brazil | brunei | bulgaria | burkina faso |
    burma | burundi | cambodia | cameroon | canada | cape verde | central african republic | chad | chile |
    china | colombia | comoros | congo | costa rica | croatia | cuba | cyprus | czech republic | czechia |
    denmark | djibouti | dominica | dominican republic | east timor | timor-leste | ecuador | egypt |
    el salvador | equatorial guinea | eritrea | estonia | eswatini | swaziland | ethiopia | fiji | finland |
    france | gabon | gambia | georgia | germany | ghana | greece | grenada | guatemala | guinea | guinea-bissau |
    guyana | haiti | honduras | hungary | iceland | india | indonesia | iran | iraq | ireland | israel | italy |
    ivory coast | cote d'ivoire | jamaica | japan | jordan | kazakhstan | kenya | kiribati | kosovo | kuwait |
    kyrgyzstan | laos | latvia | lebanon | lesotho | liberia | libya | liechtenstein | lithuania | luxembourg |
    madagascar | malawi | malaysia | maldives | mali | malta | marshall islands | mauritania | mauritius |
    mexico | micronesia | moldova | monaco | mongolia | montenegro | morocco | mozambique | myanmar | namibia |
    nauru | nepal | netherlands | holland | new zealand | nicaragua | niger | nigeria | north korea |
    north macedonia | macedonia | norway | oman | pakistan | palau | palestine | panama | papua new guinea |
    paraguay | peru | philippines | poland | portugal | qatar | romania | russia | russian federation | rwanda |
    saint lucia | samoa | san marino | saudi arabia | senegal | serbia | seychelles | sierra leone | singapore |
    slovakia | slovenia | solomon islands | somalia | south africa | south korea | korea | south sudan | spain |
    sri lanka | sudan | suriname | sweden | switzerland | syria | taiwan | tajikistan | tanzania | thailand |
    togo | tonga | trinidad and tobago | tunisia | turkey | turkiye | turkmenistan | tuvalu | uganda | ukraine |
    united arab emirates | uae | united kingdom | uk | u.k. | britain | great britain | england | scotland |
    wales | united states | united states of america | us | u.s. | usa | u.s.a. | america | uruguay |
    uzbekistan | vanuatu | vatican | holy see | venezuela | vietnam | yemen | zambia | zimbabwe |
    soviet union | ussr | european union | eu | e.u. | gaza | west bank | crimea | northern cyprus | trnc |
    abkhazia | south ossetia | transnistria | hong kong | macau
    """

CAPITALS = """
    kabul | tirana | algiers | luanda | buenos aires | yerevan | canberra | vienna | baku | nassau | manama |
    dhaka | minsk | brussels | porto-novo | thimphu | la paz | sucre | sarajevo | gaborone | brasilia |
    bandar seri begawan | sofia | ouagadougou | gitega | phnom penh | yaounde | ottawa | praia | bangui |
    n'djamena | santiago | beijing | peking | bogota | moroni | kinshasa | brazzaville | san jose | zagreb |
    havana | nicosia | prague | copenhagen | dili | quito | cairo | san salvador | malabo | asmara | tallinn |
    mbabane | addis ababa | suva | helsinki | paris | libreville | banjul | tbilisi | berlin | accra | athens |
    guatemala city | conakry | bissau | georgetown | port-au-prince | tegucigalpa | budapest | reykjavik |
    new delhi | delhi | jakarta | tehran | teheran | baghdad | dublin | jerusalem | tel aviv | rome | kingston |
    tokyo | amman | astana | nur-sultan | nairobi | pristina | kuwait city | bishkek | vientiane | riga |
    beirut | maseru | monrovia | tripoli | vaduz | vilnius | antananarivo | lilongwe | kuala lumpur | male |
    bamako | valletta | nouakchott | port louis | mexico city | chisinau | ulaanbaatar | ulan bator |
    podgorica | rabat | maputo | naypyidaw | rangoon | yangon | windhoek | kathmandu | amsterdam | the hague |
    wellington | managua | niamey | abuja | pyongyang | skopje | oslo | muscat | islamabad | ramallah |
    panama city | port moresby | asuncion | lima | manila | warsaw | lisbon | doha | bucharest | moscow |
    kigali | riyadh | dakar | belgrade | freetown | bratislava | ljubljana | mogadishu | pretoria |
    cape town | seoul | juba | madrid | colombo | khartoum | paramaribo | stockholm | bern | berne |
    damascus | taipei | dushanbe | dodoma | dar es salaam | bangkok | lome | nuku'alofa | tunis | ankara |
    ashgabat | kampala | kyiv | kiev | abu dhabi | london | washington | montevideo | tashkent | caracas |
    hanoi | sanaa | sana'a | lusaka | harare
    """

# Seats of government and power, and the institutions the press names by their building or street.
SEATS = """
    kremlin | white house | pentagon | downing street | number 10 | no. 10 | no 10 | whitehall | westminster |
    elysee | elysee palace | quai d'orsay | matignon | chancellery | bundeskanzleramt | zhongnanhai |
    blue house | yongsan | capitol | capitol hill | foggy bottom | langley | state department | beştepe |
    bestepe | presidential complex | cankaya | çankaya | dolmabahce | palazzo chigi | farnesina | moncloa |
    bankova | smolensk square | lubyanka | holyrood | stormont | raisina hill | south block | kasumigaseki |
    nagatacho | the hill | vatican city | brussels | strasbourg | luxembourg | geneva | new york | davos |
    turtle bay | the hague | ramallah | kiryat | quirinale | bellevue | kantei | malacanang | miraflores |
    casa rosada | planalto | los pinos | rideau hall | parliament hill | leinster house | binnenhof
    """


def _names(block: str) -> frozenset[str]:
    return frozenset(fold(n.strip()) for n in block.split("|") if n.strip())


PLACES = _names(COUNTRIES) | _names(CAPITALS) | _names(SEATS)

_LEADING_THE = re.compile(r"^the\s+")


def place_name(name: str) -> bool:
    """Whether a speaker's whole name is a country, a capital or a seat of government ("Moscow", "the
    Kremlin", "U.S.", "Downing Street"), so that it speaks for a state or a government."""
    low = " ".join(fold(name).replace("’", "'").split())
    if low.endswith("'s"):
        low = low[:-2]
    low = low.rstrip("'")
    return low in PLACES or _LEADING_THE.sub("", low) in PLACES
