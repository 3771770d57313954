/*
 * A Vue mixin that owns the app's socket.io connection (a module variable reached through a getter)
 * and logs in over it. Corpus for js/ws-sensitive-send: the send is linked to the io() call that made
 * the socket, through the getter; the page's own origin and the login events make the credentials the
 * app's own authentication. A second socket to another host stays reported.
 */
import { io, Socket } from "socket.io-client";

let socket: Socket;
let audit: Socket;

export default {
    methods: {
        initSocketIO(): void {
            let url: string;
            if (localStorage.dev === "dev") {
                url = location.protocol + "//" + location.hostname + ":5001";
            } else {
                url = location.protocol + "//" + location.host;
            }
            socket = io(url);
            // expect: js/ws-untrusted-host
            audit = io("wss://audit.vendor-cloud.net");
        },

        getSocket(): Socket {
            return socket;
        },

        storage(): Storage {
            return localStorage;
        },

        login(username: string, password: string, token: string, callback: (res: unknown) => void): void {
            // safe: js/ws-sensitive-send
            this.getSocket().emit("login", {
                username,
                password,
                token,
            }, callback);
        },

        loginByToken(token: string): void {
            // safe: js/ws-sensitive-send
            socket.emit("loginByToken", token, (res: { ok: boolean }) => {
                if (!res.ok) this.logout();
            });
        },

        changePassword(password: string): void {
            // safe: js/ws-sensitive-send
            this.getSocket().emit("changePassword", { password });
        },

        auditLogin(password: string): void {
            // expect: js/ws-sensitive-send
            audit.emit("record", { event: "login", password });
        },

        restore(): void {
            this.loginByToken(this.storage().getItem("token"));
            this.auditLogin((document.getElementById("password") as HTMLInputElement).value);
        },

        logout(): void {
            socket.emit("logout");
        },
    },
};
