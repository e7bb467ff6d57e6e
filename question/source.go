package question

import "strings"

// source returns who a question cites for its facts, "according to the
// Met Office, …" → "met office": a passage in which they speak is more
// likely to hold the answer. It is empty when the question cites no one.
func source(text string) string {
	lower := strings.ToLower(text)
	i := strings.Index(lower, "according to ")
	if i < 0 {
		return ""
	}
	rest := lower[i+len("according to "):]
	if j := strings.IndexAny(rest, ",.;:?!"); j >= 0 {
		rest = rest[:j]
	}
	if f := strings.Fields(rest); len(f) == 0 || clauseStart[f[0]] {
		return "" // "according to what was said at the time" names no one
	}
	if j := strings.LastIndex(rest, " by "); j >= 0 {
		rest = rest[j+len(" by "):] // "a new study by the European Environment Agency"
	}
	ws := strings.Fields(rest)
	for len(ws) > 0 && (ws[0] == "the" || ws[0] == "a" || ws[0] == "an") {
		ws = ws[1:]
	}
	if len(ws) > maxSourceWords {
		return ""
	}
	return strings.Join(ws, " ")
}

// maxSourceWords is the longest source name taken from "according to".
const maxSourceWords = 6

// clauseStart are the wh-words and pronouns that open a clause or stand in
// for a name after "according to": they name no one.
var clauseStart = setOf("what", "how", "which", "who", "whom", "whether", "those", "these", "this", "that", "it", "them", "him", "her")
