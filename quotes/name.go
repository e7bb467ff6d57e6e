package quotes

import (
	"slices"
	"strings"
	"unicode"
)

// honorifics are words of a name that do not tell people apart.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "sir": true, "dame": true,
	"lord": true, "lady": true, "prof": true, "professor": true, "rev": true, "the": true,
}

// words folds a name (or role) to the words that identify it: lower case,
// without honorifics, possessive endings or punctuation around words.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	}) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.Trim(w, "'’-")
		if w != "" && !honorifics[w] {
			out = append(out, w)
		}
	}
	return out
}

// key is a folded name as one string.
func key(ws []string) string { return strings.Join(ws, " ") }

// subset reports whether every word of a is in b.
func subset(a, b []string) bool {
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}

// named reports whether text names the speaker: one of the words of the
// name stands in it. Attribution follows "he said" back to the last person
// named, which across passages is often someone else; a quote whose
// passage never names its speaker is left out, so that a speaker's list
// holds nobody else's words.
func named(text, name string) bool {
	in := words(text)
	for _, w := range words(name) {
		if slices.Contains(in, w) {
			return true
		}
	}
	return false
}

// matches reports whether the words asked for (q) name a speaker of that
// name and role: "Rudd", "Amber Rudd" and "Home Secretary Amber Rudd" all
// name Amber Rudd the Home Secretary, and "Amber Rudd" also names a
// speaker reported only as "Ms Rudd". Words of the role may be given
// with the name; a role alone names whoever held it.
func matches(q []string, name, role string) bool {
	n := words(name)
	if len(q) == 0 || len(n) == 0 {
		return false
	}
	r := words(role)
	var rest []string
	for _, w := range q {
		if !slices.Contains(r, w) || slices.Contains(n, w) {
			rest = append(rest, w)
		}
	}
	if len(rest) == 0 {
		return true // the role alone
	}
	return subset(rest, n) || subset(n, rest)
}
