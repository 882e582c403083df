-- 疾控流行病学人员: verifies and responds to surveillance signals within an org-unit scope
alter table security.app_user drop constraint app_user_role_check;
alter table security.app_user add constraint app_user_role_check
    check (role in ('admin', 'analyst', 'clerk', 'epidemiologist'));
alter table security.api_client drop constraint api_client_role_check;
alter table security.api_client add constraint api_client_role_check
    check (role in ('admin', 'analyst', 'clerk', 'epidemiologist'));
