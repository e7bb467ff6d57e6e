package attrib

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"storybot/internal/sharedtest"
)

func TestAttributeSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(sharedtest.Dir(t), "seed", "manchester-leak-dailycaller.txt"))
	if err != nil {
		t.Skipf("../shared not found: %v", err)
	}
	var paras []string
	for _, p := range strings.Split(string(b), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	found := map[string]string{} // name → role
	quotes := map[string][]string{}
	for i, ss := range Attribute("", paras) {
		for _, s := range ss {
			found[s.Name] = s.Role
			quotes[s.Name] = append(quotes[s.Name], s.Quote)
			if !strings.Contains(paras[i], s.Quote) || s.Quote == "" {
				t.Errorf("quote %q of %q is not a substring", s.Quote, s.Name)
			}
		}
	}
	want := map[string]string{
		"Theresa May": "U.K. Prime Minister", "Amber Rudd": "U.K. Home Secretary",
		"National Police Chiefs' Council": "", "Donald Trump": "President",
		"Manchester Police": "", "U.S. Embassy in London": "",
		"Shashank Joshi":    "Senior Fellow at the Royal United Services Institute for Defence and Security Studies",
		"Avigdor Lieberman": "Israeli Defense Minister",
	}
	for name, role := range want {
		got, ok := found[name]
		if !ok {
			t.Errorf("got no speaker %q; found %v", name, found)
			continue
		}
		if got != role {
			t.Errorf("%s: got role %q, want %q", name, got, role)
		}
	}
	// Trump pledged "to get the bottom of the leaks"; where he pledged it
	// ("in a Thursday statement") is not what he said.
	for _, q := range quotes["Donald Trump"] {
		if strings.Contains(q, "statement") {
			t.Errorf("Donald Trump: got quote %q, want what he said, not where", q)
		}
	}
	if !slices.Contains(quotes["Donald Trump"], "to get the bottom of the leaks") {
		t.Errorf("Donald Trump: got quotes %q, want his pledge", quotes["Donald Trump"])
	}
}
