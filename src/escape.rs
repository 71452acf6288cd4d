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

/// Text for a cell of a table printed to a terminal: on one line, each line break shown as
/// " ↵ ", and any other control character (a tab, a carriage return, a bell) as a space, so
/// that a note or a record text of several lines keeps its table whole and sends nothing to
/// the terminal.
pub fn terminal_cell(text: &str) -> String {
    text.replace("\r\n", "\n")
        .split('\n')
        .map(|line| {
            line.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ↵ ")
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
    fn a_terminal_cell_of_several_lines_is_shown_on_one() {
        assert_eq!(terminal_cell("first\nsecond"), "first ↵ second");
        assert_eq!(terminal_cell("a\r\nb\rc\td\u{7}"), "a ↵ b c d ");
        assert_eq!(terminal_cell("plain"), "plain");
    }

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
