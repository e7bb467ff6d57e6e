package emerging

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// filler is prose every doc shares, the kind that must not link stories.
var filler = []string{
	"The council said on Monday that the plan would go ahead as agreed.",
	"Officials said more details would be published later this week.",
	"Local people said they had not been told about the changes in advance.",
}

// storyDoc is doc i of a story: its rare words in the headline and text,
// with common prose around them.
func storyDoc(story string, words []string, i int, outlet string) Doc {
	w := func(k int) string { return words[(i+k)%len(words)] }
	return Doc{
		ID:     fmt.Sprintf("%s-%d", story, i),
		Title:  fmt.Sprintf("%s %s update number %d", strings.ToUpper(w(0)[:1])+w(0)[1:], w(1), i),
		Outlet: outlet,
		Text: fmt.Sprintf("%s The %s and %s were at the centre of it, with %s also named. %s %s",
			filler[i%3], w(0), w(1), w(2), filler[(i+1)%3], filler[(i+2)%3]),
	}
}

// singletons are n unrelated docs: common prose around words of their own.
func singletons(n int) []Doc {
	var out []Doc
	for i := range n {
		own := fmt.Sprintf("alpha%[1]d beta%[1]d gamma%[1]d", i)
		out = append(out, Doc{ID: fmt.Sprint("noise-", i), Title: "Singleton" + own, Outlet: "wire",
			Text: fmt.Sprintf("%s Here %s happened. %s", filler[i%3], own, filler[(i+1)%3])})
	}
	return out
}

func ids(docs []Doc, c Cluster) []string {
	var out []string
	for _, i := range c.Docs {
		out = append(out, docs[i].ID)
	}
	slices.Sort(out)
	return out
}

func TestFindSeparatesStories(t *testing.T) {
	quarry := []string{"zorvath", "quarry", "mellick", "blasting"}
	hospital := []string{"tiberon", "hospital", "ashgrove", "ward"}
	var docs []Doc
	for i := range 6 {
		docs = append(docs, storyDoc("quarry", quarry, i, "wire"))
		docs = append(docs, storyDoc("hospital", hospital, i, "wire"))
	}
	for i := range 3 { // a small story in three outlets
		docs = append(docs, storyDoc("ferry", []string{"pellucid", "ferry", "kestrelmouth"}, i, fmt.Sprint("outlet ", i)))
	}
	for i := range 2 { // too small, one outlet
		docs = append(docs, storyDoc("mural", []string{"ochrewall", "mural", "vandals"}, i, "wire"))
	}
	docs = append(docs, singletons(10)...)
	got := Find(docs, Options{})
	if len(got) != 3 {
		for _, c := range got {
			t.Logf("cluster %v %v", ids(docs, c), c.Terms)
		}
		t.Fatalf("%d clusters, want 3: quarry, hospital (6 articles each) and ferry (3 outlets)", len(got))
	}
	for k, c := range got {
		members := ids(docs, c)
		want := strings.Split(members[0], "-")[0]
		if (k == 2) != (want == "ferry") {
			t.Errorf("cluster %d is the %s story, want the two six-article stories first, then the ferry", k, want)
		}
		if k == 2 && (len(members) != 3 || c.Outlets != 3) || k < 2 && len(members) != 6 {
			t.Errorf("cluster %d: %v from %d outlets, want all of the %s story", k, members, c.Outlets, want)
		}
		for _, id := range members {
			if !strings.HasPrefix(id, want) {
				t.Errorf("cluster %d (%s) holds %s", k, want, id)
			}
		}
	}
	if ws := got[2].Terms; len(ws) < 3 || !slices.ContainsFunc(ws[:3], func(t Term) bool { return t.Word == "kestrelmouth" }) {
		t.Errorf("ferry cluster's words %v, want its rare words first", ws)
	}
}

// A doc that mentions two stories must not chain them into one cluster.
func TestFindDoesNotChainStories(t *testing.T) {
	a := []string{"zorvath", "quarry", "mellick"}
	b := []string{"tiberon", "hospital", "ashgrove"}
	var docs []Doc
	for i := range 5 {
		docs = append(docs, storyDoc("a", a, i, "wire"), storyDoc("b", b, i, "wire"))
	}
	docs = append(docs, Doc{ID: "bridge", Title: "Zorvath quarry and Tiberon hospital", Outlet: "wire",
		Text: "The zorvath quarry, mellick and the tiberon hospital in ashgrove were both discussed."})
	for _, c := range Find(docs, Options{}) {
		members := strings.Join(ids(docs, c), " ")
		if strings.Contains(members, "a-") && strings.Contains(members, "b-") {
			t.Errorf("one cluster holds both stories: %s", members)
		}
	}
}

// Pages that share only boilerplate (a subscription wall) are no story.
func TestFindDropsSharedBoilerplate(t *testing.T) {
	wall := "Subscribe to unlock this article. Your weekday newsletter registration lets you read three free articles; privacy settings apply."
	var docs []Doc
	for i, title := range []string{"Rail strike called off", "Giant panda born at zoo", "Budget cuts to libraries", "New bridge opens", "Chess champion retires", "Flooding closes schools"} {
		docs = append(docs, Doc{ID: fmt.Sprint("wall-", i), Title: title, Outlet: "weekly", Text: title + ". " + wall})
	}
	docs = append(docs, singletons(30)...) // the rest of the window: the wall's words are rare in it
	if got := Find(docs, Options{}); len(got) != 0 {
		t.Errorf("got %d clusters of pages sharing only boilerplate, want none: %v", len(got), got)
	}
}

func TestFindSmallWindow(t *testing.T) {
	if got := Find(nil, Options{}); len(got) != 0 {
		t.Errorf("Find(nil) = %v, want nothing", got)
	}
	one := []Doc{{ID: "x", Title: "Alone", Text: "Only one article today."}}
	if got := Find(one, Options{}); len(got) != 0 {
		t.Errorf("Find(one doc) = %v, want nothing", got)
	}
}
