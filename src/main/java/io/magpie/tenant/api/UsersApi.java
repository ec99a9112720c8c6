package io.magpie.tenant.api;

import io.magpie.platform.CursorPage;
import io.magpie.platform.Scopes;
import io.magpie.tenant.Role;
import io.magpie.tenant.UserAdministration;
import io.magpie.tenant.UserChange;
import io.magpie.tenant.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Console users of the caller's tenant. Password hashes never leave the server. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Console users and their roles; needs the admin scope")
class UsersApi {

    private final UserAdministration users;

    UsersApi(UserAdministration users) {
        this.users = users;
    }

    record CreateUserRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{3,64}")
            String username,

            @NotBlank @Size(max = 100) String displayName,
            @NotNull @Size(min = 10) String password,
            @NotNull Role role) {}

    record UpdateUserRequest(@Size(min = 1, max = 100) String displayName, Role role, Boolean enabled) {}

    record PasswordRequest(@NotNull @Size(min = 10) String password) {}

    @PostMapping
    @PreAuthorize(Scopes.CAN_ADMIN)
    @Operation(
            summary = "Create a console user",
            description = "username: 3 to 64 of A-Z a-z 0-9 . _ - and unique across the installation (409 "
                    + "username_taken); password: 10 to 72 bytes; role: OWNER, OPERATOR, ANALYST, STORE_STAFF.")
    ResponseEntity<UserView> create(@Valid @RequestBody CreateUserRequest request) {
        UserView user = users.create(request.username(), request.displayName(), request.password(), request.role());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_ADMIN)
    @Operation(summary = "Console users, newest first")
    CursorPage<UserView> list(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return users.list(limit, cursor);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Scopes.CAN_ADMIN)
    @Operation(summary = "One console user")
    UserView get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping("/{id}")
    @PreAuthorize(Scopes.CAN_ADMIN)
    @Operation(
            summary = "Change a user's display name, role or enabled flag",
            description = "Absent fields stay as they are. The last enabled OWNER cannot be demoted or disabled "
                    + "(409 last_owner). A change applies to the user's open console sessions on their next request.")
    UserView update(@PathVariable long id, @Valid @RequestBody UpdateUserRequest request) {
        return users.update(id, new UserChange(request.displayName(), request.role(), request.enabled()));
    }

    @PostMapping("/{id}/password")
    @PreAuthorize(Scopes.CAN_ADMIN)
    @Operation(summary = "Set a user's password (10 to 72 bytes)")
    ResponseEntity<Void> changePassword(@PathVariable long id, @Valid @RequestBody PasswordRequest request) {
        users.changePassword(id, request.password());
        return ResponseEntity.noContent().build();
    }
}
