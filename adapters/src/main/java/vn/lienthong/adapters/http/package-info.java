/**
 * What both HTTP adapters (the VDXP API and the SOAP service) need of the servlet request beyond their
 * protocols: the client's address as the gateway's transport filter resolved it.
 */
package vn.lienthong.adapters.http;
