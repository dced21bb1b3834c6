// Which app field a column's header means, in the languages ministries write their sheets in.
// Headers are compared folded (no case, accents or punctuation). Rules are tried in order, the specific
// before the general: "Nom (tel que sur le passeport)" is the passport name before "Nom" is the family
// name; "Pays de délivrance" is the passport's country before "Pays" is the nationality.
//
// "Title" alone (Titre, Título) is the honorific (Mr, Mme, Dr): that is what ITU's registration forms
// call "Title". A job title is recognised by its own words: "Job title", "Title (job)", "Titre du poste",
// "Position", "Function", "Fonction", "Cargo". The user sees the mapping and can change it.
// A header that names a full name ("Name", "Nom et prénom", "Nombre completo", "ФИО", "姓名") is left
// unmapped: the app keeps given and family names apart, and cannot split one safely.
import { fold } from '../domain/text';
import { TARGET_FIELDS, type TargetField } from './fields';

/** A header reduced for comparison: folded, dots dropped ("D.O.B." = "dob"), other punctuation as spaces. */
export function normaliseHeader(header: string): string {
  return fold(header)
    .replace(/[.·]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Rule {
  /** null: a header known to be no field of the app (it stops the later, looser rules). */
  field: TargetField | null;
  /** The whole header is one of these. */
  is?: string[];
  /** The header contains one of these (whole words; a trailing * matches a word's start). */
  has?: string[];
  /** The header contains one word of each group. */
  hasAll?: string[][];
}

const PASSPORT = ['passport*', 'passeport*', 'pasaporte*', 'паспорт*', 'جواز', '护照'];
const NAME = ['name', 'names', 'nom', 'noms', 'nombre', 'nombres', 'apellido', 'apellidos', 'имя', 'фамилия', 'фио', 'اسم', 'الاسم', '姓名', '名字'];
const ISSUE = [
  'issue', 'issued', 'issuing', 'issuance', 'delivrance', 'delivre', 'emission', 'expedicion', 'emision', 'emisor', 'expedido',
  'выдачи', 'выдан', 'الاصدار', 'اصدار', '签发', '颁发',
];
const EXPIRY = [
  'expiry', 'expiration', 'expires', 'expire', 'expiring', 'caducidad', 'vencimiento', 'validity', 'valid until',
  'valable jusqu', 'validite', 'valido hasta', 'validez', 'окончания', 'истечения', 'действителен до', 'الانتهاء', 'انتهاء',
  '有效期', '到期', '失效',
];
const COUNTRY = ['country', 'pays', 'pais', 'state', 'etat', 'estado', 'страна', 'государство', 'بلد', 'البلد', 'دولة', 'الدولة', '国家', '国'];
const PLACE = ['place', 'lieu', 'lugar', 'city', 'ville', 'ciudad', 'место', 'город', 'مكان', '地点', '地'];
const AUTHORITY = ['authority', 'autorite', 'autoridad', 'орган', 'جهة', '机关'];
const BIRTH = ['birth', 'born', 'naissance', 'nacimiento', 'рождения', 'الميلاد', 'ميلاد', 'الولادة', '出生'];
const DATE = ['date', 'fecha', 'дата', 'تاريخ', '日期', 'ne le', 'nee le', 'ne e le'];
const DELEGATION = ['delegation', 'delegacion', 'делегации', 'الوفد', '代表团'];
const FUNCTION = [
  'function', 'fonction', 'funcion', 'position', 'poste', 'post', 'job', 'cargo', 'puesto', 'designation', 'occupation',
  'profession', 'rank', 'grade', 'должность', 'الوظيفة', 'المنصب', '职务', '职位', '职称',
];

const RULES: Rule[] = [
  // The app's own names (an export read back).
  ...TARGET_FIELDS.map((field): Rule => ({ field, is: [field] })),
  { field: 'notes', has: [
    'notes', 'note', 'remarques', 'remarque', 'remarks', 'remark', 'comments', 'comment', 'commentaires', 'commentaire',
    'observations', 'observaciones', 'observacion', 'comentarios', 'comentario', 'примечания', 'примечание', 'комментарии',
    'комментарий', 'ملاحظات', 'ملاحظة', '备注', '说明',
  ] },
  { field: 'passportName', hasAll: [PASSPORT, NAME] },
  { field: 'passportCountry', hasAll: [COUNTRY, ISSUE] },
  { field: 'passportCountry', hasAll: [PASSPORT, COUNTRY] },
  { field: null, hasAll: [PLACE, ISSUE] }, // place of issue: not kept
  { field: null, has: AUTHORITY }, // issuing authority: not kept
  { field: 'passportIssued', has: ISSUE },
  { field: 'passportExpires', has: EXPIRY },
  { field: 'placeOfBirth', hasAll: [PLACE, BIRTH] },
  { field: 'placeOfBirth', is: ['birthplace', 'lieu naissance'] },
  { field: null, hasAll: [COUNTRY, BIRTH] }, // country of birth: not a place, not a date
  { field: 'birthDate', hasAll: [BIRTH, DATE] },
  { field: 'birthDate', is: [...BIRTH, 'dob', 'birthdate', 'birthday', 'ne le', 'nee le', 'ne e le', 'cumpleanos'] },
  { field: 'passportNumber', has: PASSPORT },
  { field: 'passportNumber', has: ['document number', 'numero de document', 'numero du document', 'numero de documento', 'travel document'] },
  { field: 'visaNeeded', has: ['visa', 'visas', 'visado', 'visados', 'виза', 'визы', 'визовая', 'تأشيرة', 'التأشيرة', '签证'] },
  { field: 'vip', has: ['vip', 'vvip'] },
  { field: 'fellowship', has: ['fellowship', 'fellowships', 'bourse', 'bourses', 'beca', 'becas', 'grant', 'стипендия', 'منحة', 'المنحة', '奖学金', '资助'] },
  { field: 'arrival', has: ['arrival', 'arrivals', 'arrivee', 'llegada', 'прибытие', 'прибытия', 'приезд', 'الوصول', '抵达', '到达'] },
  { field: 'departure', has: ['departure', 'depart', 'salida', 'отъезд', 'убытие', 'отбытие', 'المغادرة', '离开', '离境', '返程'] },
  { field: 'role', has: ['role', 'roles', 'rol', 'роль', 'الدور', 'الصفة', '角色', 'qualite', 'en qualite de', 'capacity'] },
  { field: 'role', hasAll: [FUNCTION, DELEGATION] }, // "Función en la delegación"
  { field: 'attendance', has: [
    'attendance', 'participation', 'participacion', 'modalidad', 'modalite', 'modality', 'presentiel', 'in person',
    'формат участия', 'форма участия', 'участие', 'الحضور', 'طريقة المشاركة', '参会方式', '出席方式', '与会方式',
  ] },
  { field: 'gender', has: ['gender', 'sex', 'sexe', 'genre', 'genero', 'sexo', 'пол', 'الجنس', '性别'] },
  { field: 'email', has: [
    'email', 'emails', 'e mail', 'mail', 'courriel', 'adresse electronique', 'correo', 'электронная почта', 'эл почта', 'почта',
    'البريد الالكتروني', 'البريد', '电子邮件', '邮箱', '电邮',
  ] },
  { field: 'phone', has: [
    'phone', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'portable', 'gsm', 'telefono', 'movil', 'celular', 'whatsapp',
    'телефон', 'тел', 'мобильный', 'الهاتف', 'هاتف', 'الجوال', 'جوال', '电话', '手机',
  ] },
  { field: 'function', has: FUNCTION }, // before title: "Job title", "Titre du poste"
  { field: 'title', has: [
    'title', 'titre', 'titulo', 'civilite', 'salutation', 'honorific', 'tratamiento', 'forme d appel', 'обращение', 'اللقب الشرفي', '称谓', '称呼',
  ] },
  { field: 'organisation', has: [
    'organisation', 'organization', 'organizacion', 'org', 'organisme', 'organismo', 'institution', 'institucion', 'ministry',
    'ministere', 'ministerio', 'administration', 'administracion', 'entity', 'entite', 'entidad', 'employer', 'employeur',
    'company', 'societe', 'empresa', 'agency', 'agence', 'affiliation', 'dependencia', 'department', 'departement',
    'departamento', 'организация', 'ведомство', 'учреждение', 'المنظمة', 'الجهة', 'المؤسسة', 'الهيئة', 'الوزارة', '单位', '机构',
    '组织', '部门',
  ] },
  { field: 'nationality', has: [
    'nationality', 'nationalite', 'nacionalidad', 'citizenship', 'citoyennete', 'ciudadania', 'country', 'pays', 'pais',
    'гражданство', 'страна', 'الجنسية', 'البلد', 'الدولة', '国籍', '国家',
  ] },
  // A full name: not split (see above).
  { field: null, has: [
    'full name', 'nom complet', 'nombre completo', 'nom et prenom', 'nom et prenoms', 'prenom et nom', 'prenoms et nom',
    'nombre y apellido', 'nombre y apellidos', 'nombres y apellidos', 'apellidos y nombre', 'apellidos y nombres',
    'apellido y nombre', 'фамилия имя', 'имя фамилия', 'имя и фамилия', 'фамилия и имя', 'фио', 'الاسم الكامل', 'الاسم الثلاثي',
    '姓名',
  ] },
  { field: null, is: ['name', 'names', 'nom prenom', 'nom prenoms', 'prenom nom', 'nombre apellido', 'nombre apellidos'] },
  { field: 'givenName', has: [
    'given name', 'given names', 'first name', 'first names', 'forename', 'forenames', 'prenom', 'prenoms', 'nombre', 'nombres',
    'имя', 'الاسم الاول', '名字',
  ] },
  { field: 'givenName', is: ['名', 'الاسم', 'first', 'given'] },
  { field: 'familyName', has: [
    'family name', 'last name', 'surname', 'surnames', 'nom de famille', 'apellido', 'apellidos', 'фамилия', 'اسم العائلة',
    'العائلة', 'اللقب', 'nom', 'noms',
  ] },
  { field: 'familyName', is: ['姓', 'last', 'family'] },
];

/** Chinese and Japanese are written without spaces: their words are found anywhere in a header. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

interface CompiledRule {
  field: TargetField | null;
  test: (padded: string, bare: string) => boolean;
}

function matcher(phrases: string[]): (padded: string, bare: string) => boolean {
  const tests = phrases.map((phrase) => {
    const prefix = phrase.endsWith('*');
    const words = normaliseHeader(prefix ? phrase.slice(0, -1) : phrase);
    if (CJK.test(words)) return (_padded: string, bare: string) => bare.includes(words);
    return prefix ? (padded: string) => padded.includes(` ${words}`) : (padded: string) => padded.includes(` ${words} `);
  });
  return (padded, bare) => tests.some((test) => test(padded, bare));
}

let compiled: CompiledRule[] | null = null;

function rules(): CompiledRule[] {
  compiled ??= RULES.map((rule) => {
    const exact = new Set((rule.is ?? []).map(normaliseHeader));
    const has = rule.has ? matcher(rule.has) : null;
    const all = (rule.hasAll ?? []).map(matcher);
    return {
      field: rule.field,
      test: (padded, bare) =>
        exact.has(bare) || (has !== null && has(padded, bare)) || (all.length > 0 && all.every((group) => group(padded, bare))),
    };
  });
  return compiled;
}

/** The field one header means, or null (unknown, or known to be none of the app's). */
export function guessField(header: string): TargetField | null {
  const bare = normaliseHeader(header);
  if (!bare) return null;
  const padded = ` ${bare} `;
  for (const rule of rules()) if (rule.test(padded, bare)) return rule.field;
  return null;
}

/**
 * Which target field each column means (null: not recognised — the UI then asks the user; never
 * dropped silently). A field two columns seem to mean goes to the first; the later ones get null.
 */
export function guessMapping(headers: string[]): (TargetField | null)[] {
  const taken = new Set<TargetField>();
  return headers.map((header) => {
    const field = guessField(header);
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
