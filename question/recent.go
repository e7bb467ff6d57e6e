package question

// recentWords mark a question about what happened lately: a news bot
// should answer it from the newest stories. They are the English time
// deictics that point at the present (now, today, recently, latest), and
// "announced", with which news questions ask about a fresh announcement.
var recentWords = setOf("recently", "recent", "latest", "now", "today", "tonight", "yesterday",
	"just", "announced", "announces", "new")

// recentSpans are the calendar spans that, after the deictic "this", point
// at the present: "this week", "this month".
var recentSpans = setOf("week", "weekend", "month", "morning", "afternoon", "evening")

// recent reports whether the words of a question ask about recent events.
func recent(ws []string) bool {
	for i, w := range ws {
		if recentWords[w] {
			return true
		}
		if w == "this" && i+1 < len(ws) && recentSpans[ws[i+1]] {
			return true
		}
	}
	return false
}
