/** The CSS named colours (CSS Color Module Level 4), lower case. */
const namedColors = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
  burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
  darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid
  darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet
  deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
  ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
  lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow
  lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
  lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine
  mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
  mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab
  orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru
  pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
  seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan
  teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen transparent`.split(/\s+/),
);

const hex = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const channel = String.raw`\s*(?:\d{1,3}(?:\.\d+)?%?)\s*`;
const alpha = String.raw`\s*(?:0|1|0?\.\d+|\d{1,3}%)\s*`;
const rgb = new RegExp(String.raw`^rgba?\(${channel},${channel},${channel}(?:,${alpha})?\)$`, 'i');

/**
 * Whether a value is a colour the capture app can use: a hex code, rgb()/rgba() or a CSS colour name.
 * Nothing else gets through, since the value ends up in the page's style sheet: a stricter check is
 * also what keeps a configuration from smuggling CSS into a colour.
 */
export const isCssColor = (value: string): boolean =>
  hex.test(value) || rgb.test(value) || namedColors.has(value.toLowerCase());
