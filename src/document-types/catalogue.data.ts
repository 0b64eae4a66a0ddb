/**
 * Every identity document OpenAssure knows, one line per issuing country (ISO 3166-1 alpha-3, from
 * src/core/countries.data.ts): `<id>:<type>` for each document that country issues.
 *
 * Sources: ICAO Doc 9303 (8th edition) for the machine-readable travel documents — passports (document
 * code P, TD3), identity cards and passport cards (codes I/A/C, TD1) and the EU uniform residence permit
 * (Council Regulation 1030/2002, TD1); Directive 2006/126/EC and ISO/IEC 18013-1 for driving licences.
 * Passports are listed for every country that issues its own (territories whose people travel on
 * another state's passport are left out); other documents for the countries where they are national
 * documents and commonly used to identify someone.
 *
 * Two ids are upstream's own: 147 is Portugal's passport (`idType` of the Signicat VideoID example of a
 * PRT passport) and 191 Germany's identity card (the example of Get document types); the others are
 * ours, numbered in table order.
 *
 * The ids are what `allowedIdTypes` and Get document types refer to; clients store them. Never renumber
 * or reuse one: add a new document at the end of its line with the next unused id (the highest is
 * `lastDocumentId` below), and a test keeps every existing id pointing at the same document.
 */
export const documentTable = `
AFG 1:passport
ALB 2:passport 3:identityCard
DZA 4:passport
AND 5:passport
AGO 6:passport
ATG 7:passport
ARG 8:passport 9:identityCard
ARM 10:passport 11:identityCard
AUS 12:passport 13:driversLicense
AUT 14:passport 15:identityCard 16:driversLicense 17:residencePermit
AZE 18:passport
BHS 19:passport
BHR 20:passport 21:identityCard
BGD 22:passport
BRB 23:passport
BLR 24:passport
BEL 25:passport 26:identityCard 27:driversLicense 28:residencePermit
BLZ 29:passport
BEN 30:passport
BTN 31:passport
BOL 32:passport
BIH 33:passport 34:identityCard
BWA 35:passport
BRA 36:passport 37:identityCard 38:driversLicense
BRN 39:passport
BGR 40:passport 41:identityCard 42:driversLicense 43:residencePermit
BFA 44:passport
BDI 45:passport
CPV 46:passport
KHM 47:passport
CMR 48:passport
CAN 49:passport 50:driversLicense
CAF 51:passport
TCD 52:passport
CHL 53:passport 54:identityCard
CHN 55:passport 56:identityCard
COL 57:passport 58:identityCard
COM 59:passport
COG 60:passport
COD 61:passport
CRI 62:passport
CIV 63:passport
HRV 64:passport 65:identityCard 66:driversLicense 67:residencePermit
CUB 68:passport
CYP 69:passport 70:identityCard 71:driversLicense 72:residencePermit
CZE 73:passport 74:identityCard 75:driversLicense 76:residencePermit
DNK 77:passport 78:driversLicense 79:residencePermit
DJI 80:passport
DMA 81:passport
DOM 82:passport
ECU 83:passport 84:identityCard
EGY 85:passport 86:identityCard
SLV 87:passport
GNQ 88:passport
ERI 89:passport
EST 90:passport 91:identityCard 92:driversLicense 93:residencePermit
SWZ 94:passport
ETH 95:passport
FJI 96:passport
FIN 97:passport 98:identityCard 99:driversLicense 100:residencePermit
FRA 101:passport 102:identityCard 103:driversLicense 104:residencePermit
GAB 105:passport
GMB 106:passport
GEO 107:passport 108:identityCard
DEU 109:passport 191:identityCard 110:driversLicense 111:residencePermit
GHA 112:passport 113:identityCard
GRC 114:passport 115:identityCard 116:driversLicense 117:residencePermit
GRD 118:passport
GTM 119:passport
GIN 120:passport
GNB 121:passport
GUY 122:passport
HTI 123:passport
VAT 124:passport
HND 125:passport
HKG 126:passport 127:identityCard
HUN 128:passport 129:identityCard 130:driversLicense 131:residencePermit
ISL 132:passport 133:identityCard 134:driversLicense 135:residencePermit
IND 136:passport 137:driversLicense 138:voterId 139:aadharCard 140:panCard
IDN 141:passport 142:identityCard
IRN 143:passport
IRQ 144:passport
IRL 145:passport 146:driversLicense 148:residencePermit 149:passportCard
ISR 150:passport
ITA 151:passport 152:identityCard 153:driversLicense 154:residencePermit
JAM 155:passport
JPN 156:passport 157:driversLicense
JOR 158:passport
KAZ 159:passport
KEN 160:passport 161:identityCard
KIR 162:passport
PRK 163:passport
KOR 164:passport
KWT 165:passport 166:identityCard
KGZ 167:passport
LAO 168:passport
LVA 169:passport 170:identityCard 171:driversLicense 172:residencePermit
LBN 173:passport
LSO 174:passport
LBR 175:passport
LBY 176:passport
LIE 177:passport 178:identityCard 179:driversLicense 180:residencePermit
LTU 181:passport 182:identityCard 183:driversLicense 184:residencePermit
LUX 185:passport 186:identityCard 187:driversLicense 188:residencePermit
MAC 189:passport 190:identityCard
MDG 192:passport
MWI 193:passport
MYS 194:passport 195:identityCard
MDV 196:passport
MLI 197:passport
MLT 198:passport 199:identityCard 200:driversLicense 201:residencePermit
MHL 202:passport
MRT 203:passport
MUS 204:passport
MEX 205:passport 206:driversLicense 207:voterId
FSM 208:passport
MDA 209:passport 210:identityCard
MCO 211:passport
MNG 212:passport
MNE 213:passport 214:identityCard
MAR 215:passport 216:identityCard
MOZ 217:passport
MMR 218:passport
NAM 219:passport
NRU 220:passport
NPL 221:passport
NLD 222:passport 223:identityCard 224:driversLicense 225:residencePermit
NZL 226:passport 227:driversLicense
NIC 228:passport
NER 229:passport
NGA 230:passport 231:identityCard
MKD 232:passport 233:identityCard
NOR 234:passport 235:identityCard 236:driversLicense 237:residencePermit
OMN 238:passport 239:identityCard
PAK 240:passport 241:identityCard
PLW 242:passport
PSE 243:passport
PAN 244:passport
PNG 245:passport
PRY 246:passport
PER 247:passport 248:identityCard
PHL 249:passport 250:identityCard
PCN 251:passport
POL 252:passport 253:identityCard 254:driversLicense 255:residencePermit
PRT 147:passport 256:identityCard 257:driversLicense 258:residencePermit
QAT 259:passport 260:identityCard
ROU 261:passport 262:identityCard 263:driversLicense 264:residencePermit
RUS 265:passport
RWA 266:passport
KNA 267:passport
LCA 268:passport
VCT 269:passport
WSM 270:passport
SMR 271:passport
STP 272:passport
SAU 273:passport 274:identityCard
SEN 275:passport
SRB 276:passport 277:identityCard 278:driversLicense
SYC 279:passport
SLE 280:passport
SGP 281:passport 282:identityCard 283:driversLicense
SVK 284:passport 285:identityCard 286:driversLicense 287:residencePermit
SVN 288:passport 289:identityCard 290:driversLicense 291:residencePermit
SLB 292:passport
SOM 293:passport
ZAF 294:passport 295:identityCard 296:driversLicense
SSD 297:passport
ESP 298:passport 299:identityCard 300:driversLicense 301:residencePermit
LKA 302:passport
SDN 303:passport
SUR 304:passport
SWE 305:passport 306:identityCard 307:driversLicense 308:residencePermit
CHE 309:passport 310:identityCard 311:driversLicense 312:residencePermit
SYR 313:passport
TWN 314:passport
TJK 315:passport
TZA 316:passport
THA 317:passport 318:identityCard
TLS 319:passport
TGO 320:passport
TON 321:passport
TTO 322:passport
TUN 323:passport 324:identityCard
TUR 325:passport 326:identityCard 327:driversLicense
TKM 328:passport
TUV 329:passport
UGA 330:passport
UKR 331:passport 332:identityCard 333:driversLicense
ARE 334:passport 335:identityCard 336:driversLicense
GBR 337:passport 338:driversLicense 339:residencePermit
USA 340:passport 341:driversLicense 342:passportCard 343:stateId
URY 344:passport 345:identityCard
UZB 346:passport
VUT 347:passport
VEN 348:passport
VNM 349:passport 350:identityCard
YEM 351:passport
ZMB 352:passport
ZWE 353:passport
`;

/** The highest id in the table: the next document added gets `lastDocumentId + 1`. */
export const lastDocumentId = 353;
