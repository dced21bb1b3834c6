// A ministry's people sheet → checked rows, and a delegation → CSV/XLSX. The sheets are made by
// tests/fixtures/people/make-files.mjs (a French Excel CSV in UTF-8 and windows-1252, an English CSV,
// a Spanish tab-separated file, a workbook, a workbook that declares 2 GB); the rest is built here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../main/domain/countries';
import { todayIso } from '../../main/domain/dates';
import { AppError } from '../../main/errors';
import {
  guessMapping, neutraliseFormula, parseRows, readSheet, TARGET_FIELDS, writeCsv, writeXlsx, type ParsedRow, type SheetData,
  type TargetField,
} from '../../main/people-io';
import { ALPHA3_TO_ALPHA2 } from '../../main/people-io/countries';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/people');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The error readSheet threw: its code and params. */
async function failure(bytes: Uint8Array, name: string, options?: { maxRows?: number }) {
  const error: unknown = await readSheet(bytes, name, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`${name}: expected an AppError, got ${String(error)}`);
  return { code: error.code, params: error.params };
}

async function readAndParse(bytes: Uint8Array, name: string): Promise<{ sheet: SheetData; rows: ParsedRow[] }> {
  const sheet = await readSheet(bytes, name);
  return { sheet, rows: parseRows(sheet, guessMapping(sheet.headers)) };
}

/** One row per record, columns as the records' keys: what a user's sheet would be. */
function sheetOf(records: Record<string, string>[]): SheetData {
  const headers = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return {
    headers,
    rows: records.map((record) => headers.map((header) => record[header] ?? '')),
    lineNumbers: records.map((_, i) => i + 2),
  };
}

/** The value parseRows gives one cell under one header (given and family names filled in). */
function parsedValue(header: string, cell: string): { value: unknown; issues: ParsedRow['issues'] } {
  const sheet = sheetOf([{ Prénom: 'Awa', Nom: 'Ndiaye', [header]: cell }]);
  const [row] = parseRows(sheet, guessMapping(sheet.headers));
  const field = guessMapping([header])[0];
  return { value: field ? row.values[field] : undefined, issues: row.issues };
}

const FRENCH_MAPPING: TargetField[] = [
  'title', 'givenName', 'familyName', 'gender', 'birthDate', 'nationality', 'organisation', 'function', 'role',
  'passportNumber', 'passportExpires', 'visaNeeded', 'email', 'phone', 'notes',
];
/** The fixture's 40 people: a line break in index 10's remark, an empty line after index 23. */
const FRENCH_LINES = [
  ...Array.from({ length: 11 }, (_, i) => i + 2),
  ...Array.from({ length: 13 }, (_, i) => i + 14),
  ...Array.from({ length: 16 }, (_, i) => i + 28),
];

describe('readSheet + parseRows: a French Excel CSV', () => {
  it('reads 40 people (accents, Arabic, quoted ;) and flags the 3 bad rows at their lines in the file', async () => {
    const { sheet, rows } = await readAndParse(fixture('fr-utf8.csv'), 'délégation.csv');
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.separator).toBe(';');
    expect(sheet.headers[0]).toBe('Civilité'); // no BOM left on the first header
    expect(guessMapping(sheet.headers)).toEqual(FRENCH_MAPPING);
    expect(rows.map((row) => row.line)).toEqual(FRENCH_LINES);

    const bad = rows.filter((row) => row.issues.length > 0);
    expect(rows.length - bad.length).toBe(37);
    expect(bad.map((row) => [row.line, row.issues])).toEqual([
      [8, [{ field: 'givenName', code: 'peopleImport.nameMissing' }]],
      [21, [{ field: 'birthDate', code: 'peopleImport.dateInvalid', params: { value: '31/02/1990' } }]],
      [34, [{ field: 'role', code: 'peopleImport.valueUnknown', params: { value: 'Capitaine' } }]],
    ]);
    // A bad cell is an issue, never a guess; the rest of the row is still read.
    expect(bad[1].values.birthDate).toBeUndefined();
    expect(bad[2].values.role).toBeUndefined();
    expect(bad[2].values.familyName).toBe('Kéïta');

    expect(rows[0].values).toEqual({
      title: 'Mme', givenName: 'Aïssatou', familyName: 'Diallo', gender: 'female', birthDate: '1960-01-01', nationality: 'SN',
      organisation: 'Ministère de l’Économie numérique et des Télécommunications', function: 'Directrice générale', role: 'head',
      passportNumber: 'A1000000', passportExpires: '2031-06-01', visaNeeded: true, email: 'aissatou.diallo@numerique.gouv.sn',
      phone: '+221 33 849 00 40', notes: 'Végétarienne, chambre près de l’ascenseur',
    });
    expect(rows[5].values).toMatchObject({ givenName: 'فاطمة', familyName: 'الزهراء', gender: 'female' });
    expect(rows[16].values).toMatchObject({ givenName: 'محمد', familyName: 'العلوي', gender: 'male' });
    expect(rows[1].values).toMatchObject({ role: 'deputyHead', nationality: 'SN', visaNeeded: false });
    expect(rows[2].values).toMatchObject({
      nationality: 'SN', organisation: 'Agence nationale des fréquences; direction du spectre', visaNeeded: true, // "SEN", "x"
    });
    expect(rows[3].values.nationality).toBe('CI'); // "Côte d’Ivoire"
    // Empty cells: no value, no issue.
    expect(rows[3].values).not.toHaveProperty('visaNeeded');
    expect(rows[3].values).not.toHaveProperty('notes');
    expect(rows[10].values.notes).toBe('Arrivée le 3 mars\nDépart le 9 mars');
    expect(rows.map((row) => row.values.gender)).not.toContain(undefined);
  });

  it('reads the same file saved as windows-1252 to the same values (é è ç œ ’ included)', async () => {
    const utf = (await readAndParse(fixture('fr-utf8.csv'), 'a.csv')).rows;
    const { sheet, rows } = await readAndParse(fixture('fr-1252.csv'), 'b.csv');
    expect(sheet.encoding).toBe('windows-1252');
    expect(sheet.separator).toBe(';');
    // Rows 5 and 16 have Latin names there (windows-1252 has no Arabic).
    const withoutArabic = (all: ParsedRow[]) => all.filter((_, i) => i !== 5 && i !== 16);
    expect(withoutArabic(rows)).toEqual(withoutArabic(utf));
    expect(rows[5].values).toMatchObject({ givenName: 'Fatima', familyName: 'Zahra' });
    const text = JSON.stringify(rows.map((row) => row.values));
    for (const word of ['François', 'Lefèvre', 'Cœurdevey', 'D’Almeida', 'Chargé d’études', 'division œuvres', 'l’Économie']) {
      expect(text).toContain(word);
    }
  });
});

describe('readSheet: other CSVs', () => {
  it('reads an English CSV: quoted commas, quotes and a line break, the lines still the file’s', async () => {
    const { sheet, rows } = await readAndParse(fixture('en.csv'), 'people.csv');
    expect(sheet.separator).toBe(',');
    expect(guessMapping(sheet.headers)).toEqual([
      'givenName', 'familyName', 'title', 'gender', 'birthDate', 'nationality', 'organisation', 'function', 'email', 'phone',
      'role', 'attendance', 'notes',
    ]);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 5]);
    expect(rows[0].values).toMatchObject({
      familyName: "O'Neil", title: 'Ms', birthDate: '1985-03-03', nationality: 'KE', role: 'head', attendance: 'inPerson',
      organisation: 'Communications Authority of Kenya, Spectrum',
    });
    expect(rows[1].values).toMatchObject({
      gender: 'male', birthDate: '1979-11-30', nationality: 'GB', function: 'Head, ITU affairs', role: 'deputyHead',
      attendance: 'remote', notes: 'Arrives 3 March, leaves 9 March\nNeeds a "quiet" room',
    });
    expect(rows[2].values).toMatchObject({ birthDate: '1990-07-12', nationality: 'PH', attendance: 'remote', role: 'adviser' });
    expect(rows[2].issues).toEqual([{ field: 'email', code: 'peopleImport.emailInvalid', params: { value: 'maria@dict' } }]);
  });

  it('reads a Spanish tab-separated file, where M beside H means "mujer"', async () => {
    const { sheet, rows } = await readAndParse(fixture('es.tsv'), 'delegacion.tsv');
    expect(sheet.separator).toBe('\t');
    expect(rows.every((row) => row.issues.length === 0)).toBe(true);
    expect(rows.map((row) => row.values.gender)).toEqual(['female', 'male', 'female']);
    expect(rows.map((row) => row.values.role)).toEqual(['head', 'delegate', 'adviser']);
    expect(rows.map((row) => row.values.visaNeeded)).toEqual([false, true, true]);
    expect(rows.map((row) => row.values.nationality)).toEqual(['ES', 'MX', 'AR']);
    expect(rows[0].values).toMatchObject({ givenName: 'Lucía', familyName: 'Fernández Martínez', birthDate: '1988-03-03' });
  });

  it('reads Excel’s "Unicode text" (UTF-16LE with its BOM, tabs), and UTF-16 without a BOM', async () => {
    const text = new TextDecoder().decode(fixture('es.tsv'));
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const sheet = await readSheet(bytes, 'export.txt');
    expect(sheet.encoding).toBe('utf-16le');
    const expected = await readSheet(fixture('es.tsv'), 'es.tsv');
    expect(sheet).toMatchObject({ ...expected, encoding: 'utf-16le' });
    // Without its BOM, and big-endian by its BOM.
    expect(await readSheet(bytes.subarray(2), 'export.txt')).toMatchObject({ ...expected, encoding: 'utf-16le' });
    const bigEndian = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) [bigEndian[i], bigEndian[i + 1]] = [bytes[i + 1], bytes[i]];
    expect(await readSheet(bigEndian, 'export.txt')).toMatchObject({ ...expected, encoding: 'utf-16be' });
  });

  it('skips a title line above the header and empty rows, keeping the lines right', async () => {
    const sheet = await readSheet(utf8('Délégation du Sénégal\r\n\r\nNom;Prénom;\r\nDiop;Jean;\r\n;;\r\nFall;Awa;\r\n'), 'x.csv');
    // The trailing ';' made an empty column: dropped, there is nothing in it.
    expect(sheet).toMatchObject({ headers: ['Nom', 'Prénom'], rows: [['Diop', 'Jean'], ['Fall', 'Awa']], lineNumbers: [4, 6] });
  });
});

describe('readSheet: workbooks', () => {
  it('reads the first visible sheet as text: dates, numbers, rich text, cached results, a formula never run', async () => {
    const sheet = await readSheet(fixture('people.xlsx'), 'délégation.xlsx');
    expect(sheet.headers).toEqual(['Prénom', 'Nom', 'Date de naissance', 'Téléphone', 'Numéro de passeport', 'Visa requis', 'Remarques', 'Site web']);
    expect(sheet.lineNumbers).toEqual([4, 5, 7]); // the title on row 1, an empty row 6
    expect(sheet.rows).toEqual([
      ['Élodie', 'Lefèvre', '1985-04-12', '221338490000', 'A1234567', 'TRUE', 'Végétarienne', '=HYPERLINK("http://x","y")'],
      ['Jean', 'Diop', '12/03/1979', '+221 77 000 00 00', '00123456', 'Non', 'voir le courriel', ''],
      ['Awa', 'Ndiaye', '1990-01-31', '', 'B7654321', 'Oui', '', ''],
    ]);
    expect(sheet.encoding).toBeUndefined();
    const rows = parseRows(sheet, guessMapping(sheet.headers));
    expect(guessMapping(sheet.headers)[7]).toBeNull(); // "Site web": the UI asks
    expect(rows.map((row) => [row.values.birthDate, row.values.visaNeeded])).toEqual([
      ['1985-04-12', true], ['1979-03-12', false], ['1990-01-31', true],
    ]);
  });

  it('refuses a workbook that declares 2 GB, from its directory, without inflating it', async () => {
    const bomb = fixture('bomb.xlsx');
    expect(bomb.length).toBeLessThan(20_000);
    const started = performance.now();
    expect(await failure(bomb, 'bomb.xlsx')).toEqual({ code: 'peopleImport.zipBomb', params: {} });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('stops a sheet that inflates past the size it declares', async () => {
    // 8 MB of zeros, a few KB deflated, declared as 1 KB: the declared ratio looks harmless.
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at + 4 <= zip.length; at++) {
      if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 1024, true);
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1024, true);
    }
    expect((await failure(zip, 'liar.xlsx')).code).toBe('peopleImport.zipBomb');
  });
});

describe('readSheet: what it refuses', () => {
  it('says what is wrong with a file it cannot read', async () => {
    const xlsx = fixture('people.xlsx');
    const cases: [bytes: Uint8Array, name: string, code: string, params?: Record<string, string | number>][] = [
      // The size first, whatever the file is.
      [new Uint8Array(20 * 1024 * 1024 + 1), 'huge.pdf', 'peopleImport.tooLarge', { max: 20 }],
      [new Uint8Array(0), 'empty.csv', 'peopleImport.empty'],
      [utf8('\r\n;;;\r\n\r\n'), 'blank.csv', 'peopleImport.empty'],
      [utf8('Prénom;Nom\r\n'), 'header-only.csv', 'peopleImport.empty'],
      [utf8('%PDF-1.7'), 'people.pdf', 'peopleImport.unsupported'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls', 'peopleImport.unsupported'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.csv', 'peopleImport.unsupported'],
      [new Uint8Array([0x41, 0x00, 0x42, 0x01, 0x02, 0x00, 0x03]), 'binary.csv', 'peopleImport.unsupported'],
      [utf8('Prénom;Nom'), 'not-a-zip.xlsx', 'peopleImport.unreadable'],
      [xlsx.subarray(0, xlsx.length / 2), 'cut.xlsx', 'peopleImport.unreadable'],
      [zipSync({ 'content.xml': strToU8('<office:document/>') }), 'odt.xlsx', 'peopleImport.unreadable'],
      [utf8('Jean;Dupont;jean.dupont@example.org\r\nAwa;Fall;awa.fall@example.org\r\n'), 'no-header.csv', 'peopleImport.noHeader'],
      [utf8('Prénom;Nom;Remarques\r\nJean;Dupont;ok\r\nAwa;Fall;"à voir\r\nPaul;Sarr;ok\r\n'), 'quote.csv', 'peopleImport.unclosedQuote', { line: 3 }],
    ];
    for (const [bytes, name, code, params = {}] of cases) expect(await failure(bytes, name), name).toEqual({ code, params });
  });

  it('counts 100,000 rows and refuses them quickly; reads and checks 5,000 rows quickly', async () => {
    const header = 'Prénom;Nom;Sexe;Date de naissance;Rôle;Courriel\r\n';
    const lines = (count: number) =>
      header + Array.from({ length: count }, (_, i) => `Jean${i};Dupont${i};H;01/02/1980;Délégué;jean${i}@example.org`).join('\r\n');

    const big = utf8(lines(100_000));
    let started = performance.now();
    expect(await failure(big, 'big.csv')).toEqual({ code: 'peopleImport.tooManyRows', params: { max: 20_000, found: 100_000 } });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await failure(utf8(lines(11)), 'eleven.csv', { maxRows: 10 })).toEqual({
      code: 'peopleImport.tooManyRows', params: { max: 10, found: 11 },
    });

    const five = utf8(lines(5000));
    started = performance.now();
    const { rows } = await readAndParse(five, 'five.csv');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(rows).toHaveLength(5000);
    expect(rows.filter((row) => row.issues.length > 0)).toEqual([]);
    expect(rows[4999]).toMatchObject({ line: 5001, values: { givenName: 'Jean4999', role: 'delegate', birthDate: '1980-02-01' } });
  });
});

describe('guessMapping', () => {
  it('knows the headers ministries write, in English, French, Spanish, Russian, Arabic and Chinese', () => {
    const expected: Record<string, TargetField | null> = {
      Prénom: 'givenName', 'Given name': 'givenName', 'First name': 'givenName', Nombre: 'givenName', Имя: 'givenName', 'الاسم الأول': 'givenName', 名: 'givenName',
      NOM: 'familyName', 'Nom de famille': 'familyName', Surname: 'familyName', 'Last name': 'familyName', 'Apellido(s)': 'familyName', Фамилия: 'familyName', 'اسم العائلة': 'familyName', 姓: 'familyName',
      Sexe: 'gender', Genre: 'gender', Sex: 'gender', Género: 'gender', Пол: 'gender', الجنس: 'gender', 性别: 'gender',
      'Date de naissance': 'birthDate', 'D.O.B.': 'birthDate', 'Fecha de nacimiento': 'birthDate', 'Дата рождения': 'birthDate', 'تاريخ الميلاد': 'birthDate', 出生日期: 'birthDate',
      Nationalité: 'nationality', Nacionalidad: 'nationality', Country: 'nationality', Гражданство: 'nationality', الجنسية: 'nationality', 国籍: 'nationality',
      Organization: 'organisation', Organismo: 'organisation', Institución: 'organisation', Организация: 'organisation', 单位: 'organisation',
      Fonction: 'function', 'Title (job)': 'function', 'Job title': 'function', Position: 'function', Cargo: 'function', Должность: 'function', 职务: 'function',
      Civilité: 'title', Title: 'title', Tratamiento: 'title',
      Courriel: 'email', 'E-mail': 'email', 'Correo electrónico': 'email', 'Электронная почта': 'email', 'البريد الإلكتروني': 'email', 电子邮件: 'email',
      'Tél.': 'phone', Téléphone: 'phone', Teléfono: 'phone', 'Mobile phone': 'phone', Телефон: 'phone', الهاتف: 'phone', 电话: 'phone',
      Rôle: 'role', 'Función en la delegación': 'role', Rol: 'role', Роль: 'role',
      'Numéro de passeport': 'passportNumber', 'N° de passeport': 'passportNumber', 'Número de pasaporte': 'passportNumber', 'Номер паспорта': 'passportNumber', 'رقم جواز السفر': 'passportNumber', 护照号码: 'passportNumber',
      'Nom (tel que sur le passeport)': 'passportName', 'Name as in passport': 'passportName',
      'Lieu de naissance': 'placeOfBirth', 'Place of birth': 'placeOfBirth', 'Lugar de nacimiento': 'placeOfBirth', 出生地: 'placeOfBirth',
      'Pays de délivrance': 'passportCountry', 'Issuing country': 'passportCountry', 'País de expedición': 'passportCountry',
      'Date de délivrance': 'passportIssued', 'Issue date': 'passportIssued', 'Дата выдачи': 'passportIssued',
      "Date d'expiration": 'passportExpires', 'Expiry date': 'passportExpires', 'Fecha de caducidad': 'passportExpires', 'Fecha de vencimiento': 'passportExpires',
      'Visa requis': 'visaNeeded', 'Visa needed': 'visaNeeded', 'Requiere visado': 'visaNeeded',
      VIP: 'vip', 'Catégorie VIP': 'vip', Bourse: 'fellowship', Fellowship: 'fellowship', Beca: 'fellowship',
      Arrivée: 'arrival', 'Date d’arrivée': 'arrival', Llegada: 'arrival', Départ: 'departure', Departure: 'departure', Salida: 'departure',
      'Participation (présentiel/à distance)': 'attendance', Attendance: 'attendance', Modalidad: 'attendance',
      Notes: 'notes', Remarques: 'notes', Observaciones: 'notes', Примечания: 'notes', ملاحظات: 'notes', 备注: 'notes',
      // An export of the app's own fields reads back.
      givenName: 'givenName', passportExpires: 'passportExpires', visaNeeded: 'visaNeeded',
      // Not the app's: asked.
      Name: null, 'Nom et prénom': null, 'Nombre completo': null, ФИО: null, 姓名: null, 'Lieu de délivrance': null, 'Pays de naissance': null,
      Adresse: null, '': null,
    };
    const headers = Object.keys(expected);
    const guessed = headers.map((header) => guessMapping([header])[0]);
    expect(Object.fromEntries(headers.map((header, i) => [header, guessed[i]]))).toEqual(expected);
  });

  it('gives a field to the first column that means it; a later one is asked about', () => {
    expect(guessMapping(['Nom', 'Prénom', 'Nom de famille', 'Courriel', 'E-mail', 'Tél.'])).toEqual([
      'familyName', 'givenName', null, 'email', null, 'phone',
    ]);
  });
});

describe('parseRows: values', () => {
  it('reads genders in the six languages', () => {
    const female = ['F', 'Femme', 'Féminin', 'female', 'Woman', 'Mujer', 'Femenino', 'Ж', '女', 'أنثى'];
    const male = ['M', 'H', 'Homme', 'Masculin', 'Male', 'Man', 'Hombre', 'Masculino', 'М', '男', 'ذكر'];
    for (const cell of female) expect(parsedValue('Sexe', cell).value, cell).toBe('female');
    for (const cell of male) expect(parsedValue('Sexe', cell).value, cell).toBe('male');
    expect(parsedValue('Gender', 'Other').value).toBe('other');
  });

  it('reads dates day first, refuses impossible ones and birthdays to come', () => {
    const dates: [string, string][] = [
      ['1998-03-03', '1998-03-03'], ['03/03/1998', '1998-03-03'], ['3.3.1998', '1998-03-03'], ['25-12-1990', '1990-12-25'],
      ['3 mars 1998', '1998-03-03'], ['1er mars 1998', '1998-03-01'], ['3 March 1998', '1998-03-03'], ['March 3, 1998', '1998-03-03'],
      ['3 de marzo de 1998', '1998-03-03'], ['12 févr. 1985', '1985-02-12'], ['1998-03-03 00:00:00', '1998-03-03'],
    ];
    for (const [cell, iso] of dates) expect(parsedValue('Date de naissance', cell), cell).toEqual({ value: iso, issues: [] });
    // 31 February; a US date (month 25); a two-digit year; an Excel serial from a CSV: not guessed.
    for (const cell of ['31/02/1990', '12/25/1990', '03/04/98', '32874', 'bientôt']) {
      expect(parsedValue('Date de naissance', cell), cell).toEqual({
        value: undefined, issues: [{ field: 'birthDate', code: 'peopleImport.dateInvalid', params: { value: cell } }],
      });
    }
    const nextYear = `${Number(todayIso().slice(0, 4)) + 1}-01-15`;
    expect(parsedValue('Date de naissance', nextYear).issues).toEqual([{ field: 'birthDate', code: 'peopleImport.birthDateFuture', params: { value: nextYear } }]);
    expect(parsedValue('Date de délivrance', nextYear).issues).toEqual([{ field: 'passportIssued', code: 'peopleImport.dateFuture', params: { value: nextYear } }]);
    expect(parsedValue("Date d'expiration", nextYear)).toEqual({ value: nextYear, issues: [] });
  });

  it('reads yes/no, roles, attendance, VIP categories and fellowships as ministries write them', () => {
    for (const cell of ['oui', 'Yes', 'Sí', 'si', 'true', '1', 'x', 'X']) expect(parsedValue('Visa requis', cell).value, cell).toBe(true);
    for (const cell of ['non', 'No', 'false', '0']) expect(parsedValue('Visa requis', cell).value, cell).toBe(false);
    const roles: Record<string, string> = {
      'Chef de délégation': 'head', 'Cheffe de délégation': 'head', 'Head of delegation': 'head', 'Jefe de delegación': 'head',
      'Chef adjoint': 'deputyHead', 'Cheffe adjointe': 'deputyHead', 'Deputy head': 'deputyHead', 'Alternate head': 'deputyHead',
      'Jefe adjunto': 'deputyHead', 'Jefa adjunta': 'deputyHead',
      Délégué: 'delegate', Déléguée: 'delegate', 'Délégué(e)': 'delegate', Delegate: 'delegate', Delegado: 'delegate', Delegada: 'delegate',
      Conseiller: 'adviser', Conseillère: 'adviser', Adviser: 'adviser', Advisor: 'adviser', Asesor: 'adviser', Asesora: 'adviser',
      Expert: 'expert', Experte: 'expert', Experto: 'expert', Experta: 'expert',
      'Délégué jeunesse': 'youthDelegate', 'Déléguée jeunesse': 'youthDelegate', 'Youth delegate': 'youthDelegate',
      'Delegado juvenil': 'youthDelegate', 'Delegada joven': 'youthDelegate',
      Observateur: 'observer', Observatrice: 'observer', Observer: 'observer', Observador: 'observer', Observadora: 'observer',
      deputyHead: 'deputyHead',
    };
    for (const [cell, role] of Object.entries(roles)) expect(parsedValue('Rôle', cell).value, cell).toBe(role);
    expect(parsedValue('Participation', 'À distance').value).toBe('remote');
    expect(parsedValue('Participation', 'Présentiel').value).toBe('inPerson');
    expect(parsedValue('VIP', 'Ministre').value).toBe('MIN');
    expect(parsedValue('VIP', 'AMB').value).toBe('AMB');
    expect(parsedValue('VIP', 'Non')).toEqual({ value: undefined, issues: [] }); // "none": not an error
    expect(parsedValue('Bourse', 'Partielle').value).toBe('partial');
    expect(parsedValue('Bourse', 'Oui').issues).toEqual([{ field: 'fellowship', code: 'peopleImport.valueUnknown', params: { value: 'Oui' } }]);
  });

  it('reads countries as codes (alpha-2, alpha-3) or names in English, French and Spanish', () => {
    const countries: Record<string, string> = {
      CH: 'CH', che: 'CH', DEU: 'DE', Germany: 'DE', Allemagne: 'DE', Alemania: 'DE', 'Côte d’Ivoire': 'CI', 'Royaume-Uni': 'GB',
      UK: 'GB', 'Estados Unidos': 'US', 'République de Corée': 'KR', KOR: 'KR',
    };
    for (const [cell, code] of Object.entries(countries)) expect(parsedValue('Nationalité', cell).value, cell).toBe(code);
    expect(parsedValue('Nationalité', 'Atlantide').issues).toEqual([{ field: 'nationality', code: 'peopleImport.valueUnknown', params: { value: 'Atlantide' } }]);
  });

  it('has the alpha-3 code of every country, once', () => {
    expect(ALPHA3_TO_ALPHA2.size).toBe(COUNTRY_CODES.length);
    expect(new Set(ALPHA3_TO_ALPHA2.values()).size).toBe(COUNTRY_CODES.length);
    const known: Record<string, string> = { CHE: 'CH', GBR: 'GB', ZAF: 'ZA', PRK: 'KP', KOR: 'KR', SRB: 'RS', COD: 'CD', COG: 'CG', ESP: 'ES', SEN: 'SN' };
    for (const [alpha3, alpha2] of Object.entries(known)) expect(ALPHA3_TO_ALPHA2.get(alpha3)).toBe(alpha2);
  });

  it('reports each bad cell on its field, shortened, and keeps the rest of the row', () => {
    const long = 'x'.repeat(201);
    const sheet = sheetOf([
      { Prénom: '', Nom: long, Courriel: 'jean at example.org', Rôle: `Capitaine ${'de vaisseau '.repeat(10)}`, Téléphone: '+41 22 730 5111', Fonction: 'Directeur' },
      { Prénom: '  Jean \n Paul ', Nom: 'Diop', Téléphone: '0'.repeat(41), Remarques: "'=HYPERLINK(\"x\")" },
    ]);
    const [first, second] = parseRows(sheet, guessMapping(sheet.headers));
    expect(first.issues).toEqual([
      { field: 'familyName', code: 'peopleImport.tooLong', params: { max: 200 } },
      { field: 'email', code: 'peopleImport.emailInvalid', params: { value: 'jean at example.org' } },
      { field: 'role', code: 'peopleImport.valueUnknown', params: { value: `${`Capitaine ${'de vaisseau '.repeat(10)}`.slice(0, 59)}…` } },
      { field: 'givenName', code: 'peopleImport.nameMissing' },
    ]);
    expect(first.values).toEqual({ phone: '+41 22 730 5111', function: 'Directeur' });
    expect(second.issues).toEqual([{ field: 'phone', code: 'peopleImport.tooLong', params: { max: 40 } }]);
    // One line for a name; the writers' ' before a formula taken off again.
    expect(second.values).toEqual({ givenName: 'Jean Paul', familyName: 'Diop', notes: '=HYPERLINK("x")' });
  });

  it('lists every target field once', () => {
    expect(new Set(TARGET_FIELDS).size).toBe(24);
  });
});

describe('writers', () => {
  it('keeps formulas from running, leaving phone numbers and numbers as written', () => {
    const cases: [string, string][] = [
      ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`], ['@SUM(A1)', "'@SUM(A1)"], ['+cmd|/C calc!A0', "'+cmd|/C calc!A0"],
      ['-2+3', "'-2+3"], ['\tx', "'\tx"], ['\r=1', "'\r=1"], ['-', "'-"],
      ['+41 22 730 5111', '+41 22 730 5111'], ['-5', '-5'], ['+1 (202) 555-0100', '+1 (202) 555-0100'], ['Élodie', 'Élodie'],
    ];
    for (const [value, safe] of cases) expect(neutraliseFormula(value), JSON.stringify(value)).toBe(safe);
  });

  const HEADERS = ['Prénom', 'Nom', 'Téléphone', 'Organisation', 'Remarques', 'Visa requis', 'Places'];
  const PEOPLE = [
    ['Élodie', 'Lefèvre', '+41 22 730 5111', 'Ministère de l’Économie, Sénégal', '=HYPERLINK("http://evil")', true, 2],
    ['فاطمة', 'الزهراء', null, '@SUM(A1)', 'Arrive le 3\nrepart le 9, "tard"', false, undefined],
    ['Jérôme', 'Cœurdevey', '-5', '', '+cmd|/C calc!A0', null, -1],
  ];
  const READ_BACK = [
    ['Élodie', 'Lefèvre', '+41 22 730 5111', 'Ministère de l’Économie, Sénégal', `'=HYPERLINK("http://evil")`, 'TRUE', '2'],
    ['فاطمة', 'الزهراء', '', "'@SUM(A1)", 'Arrive le 3\nrepart le 9, "tard"', 'FALSE', ''],
    ['Jérôme', 'Cœurdevey', '-5', '', "'+cmd|/C calc!A0", '', '-1'],
  ];

  it('writes a CSV Excel opens right (BOM, CRLF, quotes) that reads back with formulas disarmed', async () => {
    const bytes = writeCsv(HEADERS, PEOPLE);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('Prénom,Nom,Téléphone,Organisation,Remarques,Visa requis,Places');
    expect(text).toContain('"\'=HYPERLINK(""http://evil"")"');
    expect(text.endsWith('\r\n')).toBe(true);

    const sheet = await readSheet(bytes, 'export.csv');
    expect(sheet).toMatchObject({ encoding: 'utf-8', separator: ',', headers: HEADERS, rows: READ_BACK, lineNumbers: [2, 3, 5] });
    // Imported again, the app's values come back as they were.
    const rows = parseRows(sheet, guessMapping(sheet.headers));
    expect(rows.map((row) => row.values.notes)).toEqual(['=HYPERLINK("http://evil")', 'Arrive le 3\nrepart le 9, "tard"', '+cmd|/C calc!A0']);
  });

  it('writes an XLSX with a bold header, text cells and no formula, that reads back the same', async () => {
    const bytes = await writeXlsx('Délégation: AMR/25 [version finale]', HEADERS, PEOPLE);
    const sheet = await readSheet(bytes, 'export.xlsx');
    expect(sheet.headers).toEqual(HEADERS);
    expect(sheet.rows).toEqual(READ_BACK);

    const parts = unzipSync(bytes);
    const xml = Object.entries(parts)
      .filter(([name]) => name.startsWith('xl/worksheets/'))
      .map(([, data]) => new TextDecoder().decode(data))
      .join('');
    expect(xml).not.toMatch(/<f[ >]/); // no formula, ever

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const written = workbook.worksheets[0];
    expect(written.name).toBe('Délégation  AMR 25  version fin'); // Excel's rules: no : / [ ], 31 characters
    expect(written.getCell('A1').font?.bold).toBe(true);
    expect(written.getCell('C2').numFmt).toBe('@');
    expect(written.getCell('G2').value).toBe(2);
  });
});
