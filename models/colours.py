"""Colour names a topic may be given in config.yaml, checked when the config is read (models/config.py).

The reader draws a topic's colour with Rich, which takes `#rrggbb` and its own names (the terminal's 16 colours,
the 256-colour names such as `dark_orange` or `grey50`); people also write the CSS names they know (`orange`,
`teal`, `navy`), which Rich does not take. Both lists are here as data, so the models need not import Rich:
`normal_colour` gives a colour Rich draws (a Rich name as it is, a CSS name as its `#rrggbb`, `#rgb` spelt out),
or None. tests/models/test_colours.py checks every name against Rich.
"""

from __future__ import annotations

import re

#: Rich's colour names (rich.color.ANSI_COLOR_NAMES), kept as names: the first 16 follow the terminal's theme.
RICH_NAMES = frozenset({
    "aquamarine1", "aquamarine3", "black", "blue", "blue1", "blue3", "blue_violet", "bright_black",
    "bright_blue", "bright_cyan", "bright_green", "bright_magenta", "bright_red", "bright_white",
    "bright_yellow", "cadet_blue", "chartreuse1", "chartreuse2", "chartreuse3", "chartreuse4",
    "cornflower_blue", "cornsilk1", "cyan", "cyan1", "cyan2", "cyan3", "dark_blue", "dark_cyan",
    "dark_goldenrod", "dark_green", "dark_khaki", "dark_magenta", "dark_olive_green1", "dark_olive_green2",
    "dark_olive_green3", "dark_orange", "dark_orange3", "dark_red", "dark_sea_green", "dark_sea_green1",
    "dark_sea_green2", "dark_sea_green3", "dark_sea_green4", "dark_slate_gray1", "dark_slate_gray2",
    "dark_slate_gray3", "dark_turquoise", "dark_violet", "deep_pink1", "deep_pink2", "deep_pink3", "deep_pink4",
    "deep_sky_blue1", "deep_sky_blue2", "deep_sky_blue3", "deep_sky_blue4", "dodger_blue1", "dodger_blue2",
    "dodger_blue3", "gold1", "gold3", "gray0", "gray100", "gray11", "gray15", "gray19", "gray23", "gray27",
    "gray3", "gray30", "gray35", "gray37", "gray39", "gray42", "gray46", "gray50", "gray53", "gray54", "gray58",
    "gray62", "gray63", "gray66", "gray69", "gray7", "gray70", "gray74", "gray78", "gray82", "gray84", "gray85",
    "gray89", "gray93", "green", "green1", "green3", "green4", "green_yellow", "grey0", "grey100", "grey11",
    "grey15", "grey19", "grey23", "grey27", "grey3", "grey30", "grey35", "grey37", "grey39", "grey42", "grey46",
    "grey50", "grey53", "grey54", "grey58", "grey62", "grey63", "grey66", "grey69", "grey7", "grey70", "grey74",
    "grey78", "grey82", "grey84", "grey85", "grey89", "grey93", "honeydew2", "hot_pink", "hot_pink2",
    "hot_pink3", "indian_red", "indian_red1", "khaki1", "khaki3", "light_coral", "light_cyan1", "light_cyan3",
    "light_goldenrod1", "light_goldenrod2", "light_goldenrod3", "light_green", "light_pink1", "light_pink3",
    "light_pink4", "light_salmon1", "light_salmon3", "light_sea_green", "light_sky_blue1", "light_sky_blue3",
    "light_slate_blue", "light_slate_gray", "light_slate_grey", "light_steel_blue", "light_steel_blue1",
    "light_steel_blue3", "light_yellow3", "magenta", "magenta1", "magenta2", "magenta3", "medium_orchid",
    "medium_orchid1", "medium_orchid3", "medium_purple", "medium_purple1", "medium_purple2", "medium_purple3",
    "medium_purple4", "medium_spring_green", "medium_turquoise", "medium_violet_red", "misty_rose1",
    "misty_rose3", "navajo_white1", "navajo_white3", "navy_blue", "orange1", "orange3", "orange4",
    "orange_red1", "orchid", "orchid1", "orchid2", "pale_green1", "pale_green3", "pale_turquoise1",
    "pale_turquoise4", "pale_violet_red1", "pink1", "pink3", "plum1", "plum2", "plum3", "plum4", "purple",
    "purple3", "purple4", "red", "red1", "red3", "rosy_brown", "royal_blue1", "salmon1", "sandy_brown",
    "sea_green1", "sea_green2", "sea_green3", "sky_blue1", "sky_blue2", "sky_blue3", "slate_blue1",
    "slate_blue3", "spring_green1", "spring_green2", "spring_green3", "spring_green4", "steel_blue",
    "steel_blue1", "steel_blue3", "tan", "thistle1", "thistle3", "turquoise2", "turquoise4", "violet", "wheat1",
    "wheat4", "white", "yellow", "yellow1", "yellow2", "yellow3", "yellow4",
})

#: CSS colour names Rich does not know, as the `#rrggbb` the CSS standard gives them.
CSS_NAMES = {
    "aliceblue": "#f0f8ff", "antiquewhite": "#faebd7", "aqua": "#00ffff", "aquamarine": "#7fffd4", "azure":
    "#f0ffff", "beige": "#f5f5dc", "bisque": "#ffe4c4", "blanchedalmond": "#ffebcd", "blueviolet": "#8a2be2",
    "brown": "#a52a2a", "burlywood": "#deb887", "cadetblue": "#5f9ea0", "chartreuse": "#7fff00", "chocolate":
    "#d2691e", "coral": "#ff7f50", "cornflowerblue": "#6495ed", "cornsilk": "#fff8dc", "crimson": "#dc143c",
    "darkblue": "#00008b", "darkcyan": "#008b8b", "darkgoldenrod": "#b8860b", "darkgray": "#a9a9a9",
    "darkgreen": "#006400", "darkgrey": "#a9a9a9", "darkkhaki": "#bdb76b", "darkmagenta": "#8b008b",
    "darkolivegreen": "#556b2f", "darkorange": "#ff8c00", "darkorchid": "#9932cc", "darkred": "#8b0000",
    "darksalmon": "#e9967a", "darkseagreen": "#8fbc8f", "darkslateblue": "#483d8b", "darkslategray": "#2f4f4f",
    "darkslategrey": "#2f4f4f", "darkturquoise": "#00ced1", "darkviolet": "#9400d3", "deeppink": "#ff1493",
    "deepskyblue": "#00bfff", "dimgray": "#696969", "dimgrey": "#696969", "dodgerblue": "#1e90ff", "firebrick":
    "#b22222", "floralwhite": "#fffaf0", "forestgreen": "#228b22", "fuchsia": "#ff00ff", "gainsboro": "#dcdcdc",
    "ghostwhite": "#f8f8ff", "gold": "#ffd700", "goldenrod": "#daa520", "gray": "#808080", "greenyellow":
    "#adff2f", "grey": "#808080", "honeydew": "#f0fff0", "hotpink": "#ff69b4", "indianred": "#cd5c5c", "indigo":
    "#4b0082", "ivory": "#fffff0", "khaki": "#f0e68c", "lavender": "#e6e6fa", "lavenderblush": "#fff0f5",
    "lawngreen": "#7cfc00", "lemonchiffon": "#fffacd", "lightblue": "#add8e6", "lightcoral": "#f08080",
    "lightcyan": "#e0ffff", "lightgoldenrodyellow": "#fafad2", "lightgray": "#d3d3d3", "lightgreen": "#90ee90",
    "lightgrey": "#d3d3d3", "lightpink": "#ffb6c1", "lightsalmon": "#ffa07a", "lightseagreen": "#20b2aa",
    "lightskyblue": "#87cefa", "lightslategray": "#778899", "lightslategrey": "#778899", "lightsteelblue":
    "#b0c4de", "lightyellow": "#ffffe0", "lime": "#00ff00", "limegreen": "#32cd32", "linen": "#faf0e6",
    "maroon": "#800000", "mediumaquamarine": "#66cdaa", "mediumblue": "#0000cd", "mediumorchid": "#ba55d3",
    "mediumpurple": "#9370db", "mediumseagreen": "#3cb371", "mediumslateblue": "#7b68ee", "mediumspringgreen":
    "#00fa9a", "mediumturquoise": "#48d1cc", "mediumvioletred": "#c71585", "midnightblue": "#191970",
    "mintcream": "#f5fffa", "mistyrose": "#ffe4e1", "moccasin": "#ffe4b5", "navajowhite": "#ffdead", "navy":
    "#000080", "oldlace": "#fdf5e6", "olive": "#808000", "olivedrab": "#6b8e23", "orange": "#ffa500",
    "orangered": "#ff4500", "palegoldenrod": "#eee8aa", "palegreen": "#98fb98", "paleturquoise": "#afeeee",
    "palevioletred": "#db7093", "papayawhip": "#ffefd5", "peachpuff": "#ffdab9", "peru": "#cd853f", "pink":
    "#ffc0cb", "plum": "#dda0dd", "powderblue": "#b0e0e6", "rebeccapurple": "#663399", "rosybrown": "#bc8f8f",
    "royalblue": "#4169e1", "saddlebrown": "#8b4513", "salmon": "#fa8072", "sandybrown": "#f4a460", "seagreen":
    "#2e8b57", "seashell": "#fff5ee", "sienna": "#a0522d", "silver": "#c0c0c0", "skyblue": "#87ceeb",
    "slateblue": "#6a5acd", "slategray": "#708090", "slategrey": "#708090", "snow": "#fffafa", "springgreen":
    "#00ff7f", "steelblue": "#4682b4", "teal": "#008080", "thistle": "#d8bfd8", "tomato": "#ff6347",
    "turquoise": "#40e0d0", "wheat": "#f5deb3", "whitesmoke": "#f5f5f5", "yellowgreen": "#9acd32",
}

_HEX = re.compile(r"#(?:[0-9a-f]{6}|[0-9a-f]{3})")


def normal_colour(text: str) -> str | None:
    """`text` as a colour the reader can draw: `#rrggbb` (lowercase), or a Rich colour name; None when it is none.

    Case is ignored, and so are spaces, hyphens and underscores in a CSS name (`Dark Orange`, `dark-orange`).
    `#rgb` is the CSS shorthand for `#rrggbb`: `#fff` is `#ffffff`."""
    colour = text.strip().lower()
    if _HEX.fullmatch(colour):
        return colour if len(colour) == 7 else "#" + "".join(c * 2 for c in colour[1:])
    named = re.sub(r"[\s_-]+", "_", colour)
    if named in RICH_NAMES:
        return named
    return CSS_NAMES.get(named.replace("_", ""))
