//! Sorting names the way a Swedish reader expects: å, ä, ö after z, case ignored.

/// A key that sorts Swedish text in dictionary order (å < ä < ö after z; w and v kept apart).
pub fn swedish_key(s: &str) -> Vec<u32> {
    s.chars()
        .flat_map(|c| c.to_lowercase())
        .map(|c| match c {
            'å' => 'z' as u32 + 1,
            'ä' | 'æ' => 'z' as u32 + 2,
            'ö' | 'ø' => 'z' as u32 + 3,
            'é' | 'è' => 'e' as u32,
            'ü' => 'y' as u32,
            other => other as u32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_come_after_z_in_their_own_order() {
        let mut names = vec!["Öberg", "Ärlig", "Åsa", "Zorn", "anna"];
        names.sort_by_key(|n| swedish_key(n));
        assert_eq!(names, ["anna", "Zorn", "Åsa", "Ärlig", "Öberg"]);
    }
}
