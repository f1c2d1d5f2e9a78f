//! Reading an uploaded file into headings and rows of text: xlsx (the first sheet) or CSV as
//! Excel writes it (`;` or `,` between fields, UTF-8 with or without a byte-order mark, or
//! Windows-1252). Anything else is refused, and so is a file beyond the bounds below.

use std::io::Cursor;

/// The largest file read (the same bound as every other upload).
pub const MAX_BYTES: usize = beredd_domain::upload::MAX_BYTES;
/// The most rows of data a file may have (a large municipality has a few thousand staff).
pub const MAX_ROWS: usize = 5000;
/// The most columns a file may have.
pub const MAX_COLUMNS: usize = 60;
/// The most characters in one cell.
pub const MAX_CELL: usize = 4000;
/// The most an xlsx file may unpack to: a small file that unpacks to gigabytes is refused unread.
const MAX_UNPACKED: u64 = 100 * 1024 * 1024;

/// A file read: its column headings, and its rows (each with its row number in the file, the
/// headings being row 1). Rows with nothing in them are left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    pub headings: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// Neither xlsx nor CSV (or a name that says one and content that is another).
    FileType,
    TooLarge,
    TooManyRows,
    TooManyColumns,
    /// No headings, or no rows below them.
    Empty,
    /// The spreadsheet could not be read (a damaged file).
    Unreadable,
}

/// Reads a file by its name and content.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Sheet, Refused> {
    if bytes.len() > MAX_BYTES {
        return Err(Refused::TooLarge);
    }
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let rows = match ext.as_str() {
        "xlsx" if bytes.starts_with(b"PK\x03\x04") => xlsx(bytes)?,
        "csv" | "txt" if !bytes.starts_with(b"PK\x03\x04") && !bytes.contains(&0) => csv_rows(bytes)?,
        _ => return Err(Refused::FileType),
    };
    sheet(rows)
}

/// The headings from the first row that has any, and the rows below with their numbers.
fn sheet(rows: Vec<Vec<String>>) -> Result<Sheet, Refused> {
    let mut numbered =
        rows.into_iter().enumerate().map(|(i, r)| (i + 1, r)).filter(|(_, r)| r.iter().any(|c| !c.is_empty()));
    let Some((_, mut headings)) = numbered.next() else { return Err(Refused::Empty) };
    while headings.last().is_some_and(String::is_empty) {
        headings.pop();
    }
    if headings.len() > MAX_COLUMNS {
        return Err(Refused::TooManyColumns);
    }
    let mut out = Vec::new();
    for (n, mut r) in numbered {
        if out.len() == MAX_ROWS {
            return Err(Refused::TooManyRows);
        }
        r.resize(headings.len(), String::new());
        out.push((n, r));
    }
    if out.is_empty() {
        return Err(Refused::Empty);
    }
    Ok(Sheet { headings, rows: out })
}

/// A cell's text: trimmed, cut at [`MAX_CELL`] characters (the field's own limit refuses it
/// later, naming the row), whole numbers without ".0".
fn cell_text(s: &str) -> String {
    let t = s.trim();
    if t.chars().count() > MAX_CELL { t.chars().take(MAX_CELL + 1).collect() } else { t.to_owned() }
}

fn xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, Refused> {
    use calamine::{Data, Reader};
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Refused::Unreadable)?;
    let mut unpacked = 0u64;
    for i in 0..zip.len() {
        unpacked += zip.by_index_raw(i).map_err(|_| Refused::Unreadable)?.size();
    }
    if unpacked > MAX_UNPACKED {
        return Err(Refused::TooLarge);
    }
    let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|_| Refused::Unreadable)?;
    let range = book.worksheet_range_at(0).ok_or(Refused::Empty)?.map_err(|_| Refused::Unreadable)?;
    let (height, width) = range.get_size();
    if height > MAX_ROWS + 50 {
        return Err(Refused::TooManyRows);
    }
    if width > MAX_COLUMNS + 50 {
        return Err(Refused::TooManyColumns);
    }
    let text = |d: &Data| match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => cell_text(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "1" } else { "0" }.to_owned(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
    };
    // A sheet whose used part starts below or right of A1 keeps its row numbers.
    let (top, left) = range.start().map(|(r, c)| (r as usize, c as usize)).unwrap_or((0, 0));
    let mut rows = vec![Vec::new(); top];
    for r in range.rows() {
        let mut row = vec![String::new(); left];
        row.extend(r.iter().map(text));
        rows.push(row);
    }
    Ok(rows)
}

/// The text of a CSV file: UTF-8 (a byte-order mark dropped), or else Windows-1252 as Excel
/// writes "CSV (semikolonavgränsad)".
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// `;` when the first line has more semicolons than commas outside quotes, else `,`.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let (mut quoted, mut semi, mut comma) = (false, 0, 0);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if semi > comma { b';' } else { b',' }
}

fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, Refused> {
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| Refused::Unreadable)?;
        if rows.len() > MAX_ROWS + 50 {
            return Err(Refused::TooManyRows);
        }
        if record.len() > MAX_COLUMNS + 50 {
            return Err(Refused::TooManyColumns);
        }
        rows.push(record.iter().map(cell_text).collect());
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_semicolons_in_windows_1252_is_read() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Namn;Arbetstelefon\nÅsa Öberg;070-174 06 05\n");
        let s = read("personal.csv", &bytes).unwrap();
        assert_eq!(s.headings, vec!["Namn", "Arbetstelefon"]);
        assert_eq!(s.rows, vec![(2, vec!["Åsa Öberg".to_owned(), "070-174 06 05".to_owned()])]);
    }

    #[test]
    fn csv_with_commas_and_a_byte_order_mark_is_read_and_empty_rows_are_skipped_keeping_numbers() {
        let s = read("p.csv", "\u{feff}Namn,Titel\n\"Berg, Anna\",Chef\n,\nPer,\n".as_bytes()).unwrap();
        assert_eq!(s.headings, vec!["Namn", "Titel"]);
        assert_eq!(s.rows[0], (2, vec!["Berg, Anna".to_owned(), "Chef".to_owned()]));
        assert_eq!(s.rows[1], (4, vec!["Per".to_owned(), String::new()]));
    }

    #[test]
    fn other_files_and_empty_ones_are_refused() {
        assert_eq!(read("p.pdf", b"%PDF-1.4"), Err(Refused::FileType));
        assert_eq!(read("p.xlsx", b"Namn;Titel"), Err(Refused::FileType));
        assert_eq!(read("p.csv", b"PK\x03\x04rest"), Err(Refused::FileType));
        assert_eq!(read("p.csv", b"Namn;Titel\n"), Err(Refused::Empty));
        assert_eq!(read("p.xlsx", b"PK\x03\x04broken"), Err(Refused::Unreadable));
    }

    #[test]
    fn too_many_rows_are_refused() {
        let mut s = String::from("Namn\n");
        for i in 0..=MAX_ROWS {
            s.push_str(&format!("P{i}\n"));
        }
        assert_eq!(read("p.csv", s.as_bytes()), Err(Refused::TooManyRows));
    }
}
