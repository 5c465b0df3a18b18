#!/bin/sh
mongo --host 10.0.0.8 -u admin --password «cli-password:{{password}}» --authenticationDatabase admin
mongodump --uri "mongodb://backup:«connection-string-password:{{password}}»@10.0.0.8:27017/?authSource=admin" -o /backup
mongosh "mongodb://localhost:27017" --eval 'db.stats()'
psql "postgresql://etl:«connection-string-password:{{password}}»@10.0.0.7:5432/dw" -c 'select 1'
lftp -u ftpuser,«cli-password,password-assignment:{{password}}» ftp://10.0.0.11
