//! Escaping user text (names, notes, titles) for the documents rolesplit writes, so that a
//! scenario received from someone else can never put markup or script into them.

/// Text for HTML element content and attribute values: `& < > " '` become entities.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Markdown table cell (GitHub, Confluence, Notion): it stays plain text on
/// one line. `|` and `\` are escaped, `&`, `<` and `>` become entities, line breaks become
/// `<br>`, and characters that would start emphasis, links or code are backslash-escaped.
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Markdown paragraph or heading: like a table cell, but `|` needs no escape
/// and line breaks stay line breaks within the paragraph.
pub fn markdown_text(text: &str) -> String {
    markdown_cell(text).replace("<br>", "  \n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(html("Zoë 日本"), "Zoë 日本");
    }

    #[test]
    fn markdown_cells_stay_one_plain_cell() {
        assert_eq!(markdown_cell("a | b\nc"), "a \\| b<br>c");
        assert_eq!(
            markdown_cell("<b>x</b> & *y*"),
            "&lt;b&gt;x&lt;/b&gt; &amp; \\*y\\*"
        );
        assert_eq!(
            markdown_cell("[link](http://x) `code`"),
            "\\[link\\](http://x) \\`code\\`"
        );
        assert_eq!(markdown_cell("line\r\nbreak"), "line<br>break");
    }
}
