package audit_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/traindesk/traindesk/internal/audit"
	"github.com/traindesk/traindesk/internal/model"
	"github.com/traindesk/traindesk/internal/store"
	"github.com/traindesk/traindesk/internal/store/storetest"
)

func TestLog_FiltersByKindActorAndObject(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t, store.Options{})
	var actors []model.Actor
	for _, r := range []model.Role{model.RoleAdmin, model.RoleProgramOfficer} {
		u := model.User{Email: string(r) + "@audit.test", Name: string(r), Role: r, PasswordHash: "h", Active: true}
		if err := s.CreateUser(ctx, &u); err != nil {
			t.Fatal(err)
		}
		actors = append(actors, model.Actor{User: u, IP: "192.0.2.1"})
	}
	admin, officer := actors[0], actors[1]
	for _, ev := range []model.AuditEvent{
		{Kind: model.AuditSignIn, Actor: officer, Object: model.AuditObject{Type: "user", ID: officer.User.ID}},
		{Kind: model.AuditReferenceUpdate, Actor: officer, Object: model.AuditObject{Type: "donor", ID: 3}, Changed: []string{"name_en"}},
		{Kind: model.AuditReferenceUpdate, Actor: admin, Object: model.AuditObject{Type: "donor", ID: 4}},
		{Kind: model.AuditUserCreate, Actor: model.System, Object: model.AuditObject{Type: "user", ID: admin.User.ID}},
	} {
		if err := s.RecordAudit(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	svc := audit.New(s)
	if _, err := svc.Log(ctx, officer, model.AuditFilter{}, 1); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a program officer reads the log: %v", err)
	}
	uid := officer.User.ID
	for _, c := range []struct {
		name string
		f    model.AuditFilter
		want int64
	}{
		{"all", model.AuditFilter{}, 4},
		{"kind", model.AuditFilter{Kind: model.AuditReferenceUpdate}, 2},
		{"unknown kind is ignored", model.AuditFilter{Kind: "launch_rocket"}, 4},
		{"actor", model.AuditFilter{UserID: &uid}, 2},
		{"object type", model.AuditFilter{ObjectType: "donor"}, 2},
		{"object", model.AuditFilter{ObjectType: "donor", ObjectID: 3}, 1},
		{"an id without a type is ignored", model.AuditFilter{ObjectID: 3}, 4},
		{"a type that is no word is ignored", model.AuditFilter{ObjectType: "donor' OR 1=1 --", ObjectID: 3}, 4},
		{"a long type is ignored", model.AuditFilter{ObjectType: strings.Repeat("donor", 2000)}, 4},
		{"all at once", model.AuditFilter{Kind: model.AuditReferenceUpdate, UserID: &uid, ObjectType: "donor", ObjectID: 3}, 1},
	} {
		p, err := svc.Log(ctx, admin, c.f, 1)
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != c.want || int64(len(p.Lines)) != c.want {
			t.Errorf("%s: %d events (%d shown), want %d", c.name, p.Total, len(p.Lines), c.want)
		}
	}
	p, err := svc.Log(ctx, admin, model.AuditFilter{ObjectType: "donor", ObjectID: 3}, 1)
	if err != nil || len(p.Users) != 2 || p.Lines[0].UserName != string(model.RoleProgramOfficer) || p.Lines[0].Changed[0] != "name_en" {
		t.Errorf("page %+v, %v", p, err)
	}
	if p, _ := svc.Log(ctx, admin, model.AuditFilter{}, 2); len(p.Lines) != 0 || p.Total != 4 {
		t.Errorf("page 2 = %d lines of %d", len(p.Lines), p.Total)
	}
}
