package feed

// seen remembers the GUIDs and links of kept items.
type seen struct {
	guids, links map[string]bool
}

func newSeen(n int) *seen {
	return &seen{guids: make(map[string]bool, n), links: make(map[string]bool, n)}
}

// repeat reports whether it repeats an earlier item, by GUID and then by
// link, and records it otherwise. Items with neither are always kept.
func (s *seen) repeat(it Item) bool {
	if (it.GUID != "" && s.guids[it.GUID]) || (it.Link != "" && s.links[it.Link]) {
		return true
	}
	if it.GUID != "" {
		s.guids[it.GUID] = true
	}
	if it.Link != "" {
		s.links[it.Link] = true
	}
	return false
}
