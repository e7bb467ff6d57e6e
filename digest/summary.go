package digest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// summaryLen is the longest summary in characters: one line in a Discord
// embed field.
const summaryLen = 200

// abbreviations end with a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"sen": true, "rep": true, "gov": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "rev": true, "jr": true, "sr": true, "inc": true,
	"ltd": true, "co": true, "corp": true, "plc": true, "no": true, "vs": true,
	"u.s": true, "u.k": true, "e.g": true, "i.e": true, "etc": true, "jan": true,
	"feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// Summary returns the first sentence of passage, whitespace collapsed and
// cut to about 200 characters on a word boundary with an ellipsis.
func Summary(passage string) string {
	text := strings.Join(strings.Fields(passage), " ")
	return truncate(firstSentence(text), summaryLen)
}

// firstSentence returns text up to the first full stop, question or
// exclamation mark (and any closing quote) that is followed by a space and
// a capital, digit or opening quote, and is not an abbreviation or initial.
func firstSentence(text string) string {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(text) && strings.ContainsRune(`"')`, rune(text[end])) {
			end++
		}
		if r, n := utf8.DecodeRuneInString(text[end:]); r == '’' || r == '”' {
			end += n
		}
		if end >= len(text) || text[end] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[end+1:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune(`"'“‘`, next) {
			continue
		}
		if text[i] == '.' && notSentenceEnd(text[:i]) {
			continue
		}
		return text[:end]
	}
	return text
}

// notSentenceEnd reports whether the word before a full stop is an
// abbreviation or a one-letter initial.
func notSentenceEnd(before string) bool {
	word := before[strings.LastIndexByte(before, ' ')+1:]
	word = strings.TrimLeft(word, `"'(“‘`)
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(word)]
}

// truncate cuts s to at most n characters, ellipsis included, at a word
// boundary when there is one.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1]) // room for the ellipsis
	if r[n-1] != ' ' {     // mid-word: back up to the last space
		if sp := strings.LastIndexByte(cut, ' '); sp > 0 {
			cut = cut[:sp]
		}
	}
	return strings.TrimRight(cut, " ,;:-–—") + "…"
}
