package app

import (
	"context"
	"flag"
	"fmt"

	"github.com/traindesk/traindesk/internal/auth"
	"github.com/traindesk/traindesk/internal/model"
)

func user(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		return usageError{"usage: traindesk user add|reset|list …"}
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("user "+sub, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	email := fs.String("email", "", "the user's email address")
	name := fs.String("name", "", "the user's name")
	role := fs.String("role", "", "admin, program_officer, trainer or manager")
	password := fs.String("password", "", "password (generated and printed when empty)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	_, _, st, err := openStore(ctx, env, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	// The shell acts as the system: whoever runs it holds the machine.
	users := auth.NewUsers(st, auth.DefaultCost)
	switch sub {
	case "add":
		u, generated, err := users.Create(ctx, model.System, model.UserInput{Email: *email, Name: *name, Role: model.Role(*role), Password: *password})
		if fe := model.FieldErrors(err); fe != nil {
			return usageError{fmt.Sprintf("cannot add the user: %s", describeFields(fe))}
		} else if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "added %s <%s> as %s\n", u.Name, u.Email, u.Role)
		if generated != "" {
			printOnce(env, string(u.Role), u.Email, generated)
		}
	case "reset":
		u, err := st.UserByEmail(ctx, *email)
		if err != nil {
			return fmt.Errorf("no user with email %q", *email)
		}
		_, pw, err := users.ResetPassword(ctx, model.System, u.ID, *password)
		if fe := model.FieldErrors(err); fe != nil {
			return usageError{describeFields(fe)}
		} else if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "reset the password of %s; their sessions have ended\n", u.Email)
		if *password == "" {
			printOnce(env, string(u.Role), u.Email, pw)
		}
	case "list":
		us, err := users.List(ctx, model.System)
		if err != nil {
			return err
		}
		for _, u := range us {
			state := "active"
			if !u.Active {
				state = "disabled"
			}
			fmt.Fprintf(env.Stdout, "%-32s %-16s %-8s %s\n", u.Email, u.Role, state, u.Name)
		}
	default:
		return usageError{fmt.Sprintf("unknown user command %q (add, reset, list)", sub)}
	}
	return nil
}

// describeFields turns field → message key into a line for the shell.
func describeFields(fe map[string]string) string {
	msgs := map[string]string{
		"error.required": "is required", "error.email": "is not an email address",
		"error.choose": "must be admin, program_officer, trainer or manager", "error.password_short": "must be at least 10 characters",
		"error.email_taken": "is already used by another user", "error.too_long": "is too long",
	}
	out := ""
	for _, f := range []string{"email", "name", "role", "password"} {
		if k, ok := fe[f]; ok {
			if out != "" {
				out += "; "
			}
			m := msgs[k]
			if m == "" {
				m = k
			}
			out += "--" + f + " " + m
		}
	}
	return out
}
