package namepairs

// RegistryAndList draws a registry of n persons, each written once the way
// a registry holds them (one script or both, some fields), and a
// nomination list of m records: a third of them other renderings of
// registry persons (the officers nominated again), the rest new persons.
// The benchmarks use it for registries of realistic names and sizes.
func RegistryAndList(n, m int, seed uint64) (registry, list []Record) {
	g := &gen{r: &rng{s: seed}, lex: newLexicon(), used: map[string]bool{}}
	persons := make([]person, n)
	registry = make([]Record, n)
	for i := range persons {
		persons[i] = g.anyPerson()
		registry[i] = g.record(&persons[i], g.randomLook(&persons[i]), g.someFields())
	}
	list = make([]Record, m)
	for i := range list {
		if g.r.pct(33) {
			p := &persons[g.r.intn(n)]
			list[i] = g.record(p, g.randomLook(p), g.someFields())
			continue
		}
		p := g.anyPerson()
		list[i] = g.record(&p, g.randomLook(&p), g.someFields())
	}
	return registry, list
}
