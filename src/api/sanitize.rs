//! Text a server sent, made fit to show a person.

/// Server text shown to a person: control characters dropped, trailing punctuation trimmed
/// (the sentence adds its own), length bounded so a hostile body cannot flood the screen.
pub(crate) fn sanitize(text: &str, max_chars: usize) -> String {
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max_chars)
        .collect();
    if text.chars().count() > max_chars {
        out.push('…');
    }
    out.trim().trim_end_matches(['.', ' ']).to_owned()
}
