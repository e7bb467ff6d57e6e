// Package message renders and posts what storybot says in Discord: text
// escaped so it cannot ping, format or link, embeds cut to Discord's
// limits, links to passages, and the digest poster, which posts to a
// channel through its own REST session so that it exists before (and
// without) the bot that serves slash commands.
package message

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// zwsp is a zero-width space: invisible, but it breaks the tokens Discord
// turns into pings and links.
const zwsp = "\u200b"

// defusers break mentions and links before Markdown escaping; the inserted
// zero-width space is not Markdown, so the escaping below leaves it alone.
var defusers = strings.NewReplacer(
	"@everyone", "@"+zwsp+"everyone",
	"@here", "@"+zwsp+"here",
	"://", ":"+zwsp+"//",
	"discord.gg/", "discord"+zwsp+".gg/",
	"discord.com/invite", "discord"+zwsp+".com/invite",
	"discordapp.com/invite", "discordapp"+zwsp+".com/invite",
)

// markdownChars are escaped with a backslash wherever they occur; Discord
// renders "\x" as x for any punctuation x, so escaping is invisible. '<'
// covers user, role, channel, command, timestamp and emoji mentions; '[',
// ']', '(' and ')' cover masked links.
const markdownChars = "\\*_~`|>#-+<[]()"

// orderedList matches a line that Discord would render as a numbered list.
var orderedList = regexp.MustCompile(`(?m)^(\s*\d+)\.`)

// Escape makes untrusted text (article text, titles, anything a user typed)
// inert in a Discord message: no Markdown, no mentions of anyone, no masked
// or automatic links. Control characters other than newline are removed.
func Escape(s string) string {
	return escapeMarkdown(defuse(s))
}

// defuse removes control characters and breaks mentions and links.
func defuse(s string) string {
	return defusers.Replace(strings.Map(dropControl, s))
}

// escapeMarkdown backslash-escapes Markdown in defused text.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		if strings.ContainsRune(markdownChars, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return orderedList.ReplaceAllString(b.String(), `$1\.`)
}

// EscapeLine is Escape for one-line places (titles, names): runs of
// whitespace, newlines included, become one space.
func EscapeLine(s string) string {
	return Escape(strings.Join(strings.Fields(s), " "))
}

func dropControl(r rune) rune {
	if r == '\n' {
		return r
	}
	if r == '\t' {
		return ' '
	}
	if unicode.IsControl(r) || r == utf8.RuneError || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
		return -1 // also bidi overrides, which can disguise text
	}
	return r
}

// Emphasize escapes text and puts the words that equal one of terms
// (ignoring case) in bold. The bold markers are the only Markdown in the
// result.
func Emphasize(text string, terms []string) string {
	want := make(map[string]bool, len(terms))
	for _, t := range terms {
		for _, w := range strings.Fields(t) {
			want[strings.ToLower(w)] = true
		}
	}
	var b strings.Builder
	for _, seg := range splitWords(defuse(text)) {
		if seg.word && want[strings.ToLower(seg.text)] {
			b.WriteString("**" + escapeMarkdown(seg.text) + "**")
			continue
		}
		b.WriteString(escapeMarkdown(seg.text))
	}
	return b.String()
}

// segment is a run of text that is either one word or none.
type segment struct {
	text string
	word bool
}

// splitWords cuts s into words (letters and digits, with inner apostrophes)
// and the text between them.
func splitWords(s string) []segment {
	var segs []segment
	start, inWord := 0, false
	for i, r := range s {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			(inWord && (r == '\'' || r == '’') && i+utf8.RuneLen(r) < len(s) && isLetterAt(s, i+utf8.RuneLen(r)))
		if isWord != inWord && i > start {
			segs = append(segs, segment{s[start:i], inWord})
			start = i
		}
		inWord = isWord
	}
	if start < len(s) {
		segs = append(segs, segment{s[start:], inWord})
	}
	return segs
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// Excerpt returns about limit characters of text around the first word that
// equals one of terms, cut at word boundaries and marked with "…" where
// text was cut.
func Excerpt(text string, terms []string, limit int) string {
	text = strings.Join(strings.Fields(text), " ")
	runes := []rune(text)
	if len(runes) <= limit {
		return text
	}
	at := firstTerm(text, terms)
	start := max(0, utf8.RuneCountInString(text[:at])-limit/3)
	end := start + limit
	if end > len(runes) {
		end, start = len(runes), max(0, len(runes)-limit)
	}
	out := string(runes[start:end])
	if start > 0 {
		if i := strings.IndexByte(out, ' '); i >= 0 && i < len(out)/3 {
			out = out[i+1:]
		}
		out = "…" + out
	}
	if end < len(runes) {
		if i := strings.LastIndexByte(out, ' '); i > len(out)*2/3 {
			out = out[:i]
		}
		out += "…"
	}
	return out
}

// firstTerm returns the byte offset of the first word of text equal to one
// of terms, or 0.
func firstTerm(text string, terms []string) int {
	want := map[string]bool{}
	for _, t := range terms {
		want[strings.ToLower(t)] = true
	}
	off := 0
	for _, seg := range splitWords(text) {
		if seg.word && want[strings.ToLower(seg.text)] {
			return off
		}
		off += len(seg.text)
	}
	return 0
}
