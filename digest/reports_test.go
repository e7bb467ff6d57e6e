package digest

// Three short reports written for the compose tests (the same as
// neardup's): a wire story, the same story
// as a second outlet ran it (new intro wording, a few words changed, the
// last sentence cut), and a different event on the same topic.
const (
	wire = `Manchester City Council has confirmed that a spreadsheet holding the
home addresses of 4,000 council tenants was sent to the wrong email list on
Tuesday. The council said the file was recalled within an hour, but some
recipients had already opened it. Council leader Bev Craig apologised to
tenants and said an independent review would report by the end of the
month. The Information Commissioner's Office said it had been notified and
was making enquiries. Tenants will be offered free credit monitoring for a
year, the council said, and a helpline opens on Thursday morning.`

	rewritten = `Manchester City Council has admitted that a spreadsheet containing the
home addresses of 4,000 council tenants was emailed to the wrong mailing list
on Tuesday. The council said the file was recalled within the hour, although
some recipients had already opened it. Council leader Bev Craig apologised to
tenants and said an independent review would report by the end of the
month. The Information Commissioner's Office said it had been told and was
making enquiries.`

	sameTopic = `Tenants affected by the Manchester council data leak have begun legal
action, a law firm representing 300 of them said on Friday. The firm said
the council had failed to protect personal data and that tenants had
suffered distress after their home addresses were shared. Manchester City
Council said it could not comment on legal proceedings but that its
independent review of the leak was continuing. The Information
Commissioner's Office has not yet said whether it will fine the council.`
)
