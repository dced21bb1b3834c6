// The fields a people sheet can fill live in main/domain (the renderer lists them in the mapping step).
export * from '../domain/sheet-fields';
