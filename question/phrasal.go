package question

import "strings"

// reactionPhrases are two-word verbs that ask for a reaction as plainly as
// "responded" or "criticised": the common English phrasal verbs of
// criticism and reply ("how did ofsted hit back", "who laid into wales").
// Parse joins each into one reaction word.
var reactionPhrases = setOf("hit back", "hits back", "hitting back", "hit out", "hits out",
	"push back", "pushed back", "pushing back", "pushes back", "fire back", "fired back",
	"fight back", "fought back", "lash out", "lashed out", "lashing out", "lay into", "laid into",
	"laying into", "speak out", "spoke out", "speaking out", "weigh in", "weighed in", "round on",
	"rounded on", "rail against", "railed against", "sound off", "sounded off")

// joinReactionPhrases rewrites each reaction phrase of sanitized text as
// one hyphenated word: "hit back" → "hit-back".
func joinReactionPhrases(s string) string {
	ws := strings.Fields(s)
	var out []string
	for i := 0; i < len(ws); i++ {
		if i+1 < len(ws) && reactionPhrases[strings.ToLower(ws[i]+" "+ws[i+1])] {
			out = append(out, ws[i]+"-"+ws[i+1])
			i++
			continue
		}
		out = append(out, ws[i])
	}
	return strings.Join(out, " ")
}

// isReaction reports whether w, a word or a joined reaction phrase, asks
// for a reaction.
func isReaction(w string) bool {
	return reactionWords[w] || strings.Contains(w, "-") && reactionPhrases[strings.ReplaceAll(w, "-", " ")]
}
