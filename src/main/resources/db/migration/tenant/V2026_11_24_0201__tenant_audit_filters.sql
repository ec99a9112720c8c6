-- the audit log is filtered by action or target type and offers the distinct actions as choices
create index tenant_audit_log_action_idx on tenant_audit_log (tenant_id, action, id desc);
create index tenant_audit_log_target_idx on tenant_audit_log (tenant_id, target_type, id desc);
