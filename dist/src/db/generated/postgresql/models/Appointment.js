export {};
//# sourceMappingURL=Appointment.js.map